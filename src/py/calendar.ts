// Calendar arithmetic on the proleptic Gregorian calendar (Python's datetime's), in days and seconds
// since 1970-01-01: for timestamps read from responses, sent in requests, and built from YAML.

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MDAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number) => MDAYS[m] + (m === 2 && isLeap(y) ? 1 : 0);

/** Wall-clock fields of an epoch second count (UTC). */
export function fieldsFromEpoch(secs: number): [number, number, number, number, number, number] {
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const [y, m, d] = civilFromDays(days);
  return [y, m, d, Math.floor(rem / 3600), Math.floor((rem % 3600) / 60), rem % 60];
}

export const epochFromFields = (y: number, m: number, d: number, hh: number, mm: number, ss: number) =>
  daysFromCivil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;

/** A number zero-padded to `width` digits, as datetime's formats write fields. */
export const zeroPad = (n: number, width = 2) => String(n).padStart(width, '0');
