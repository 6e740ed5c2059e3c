// Python's datetime as botocore meets it: aware and naive datetimes with isoformat();
// datetime.fromtimestamp in the local zone (dateutil's tzlocal, read from the TZ variable as Python's
// time module reads it).
import { readFileSync } from 'node:fs';
import { epochFromFields, fieldsFromEpoch, zeroPad as pad } from './calendar';
import { roundHalfEven } from './numbers';

/** A datetime Python cannot make or write (a ValueError or OverflowError; its text is the message). */
export class TimestampError extends Error {
  override name = 'TimestampError';
}

/** A Python datetime: naive when `offset` is null, else aware with a fixed UTC offset in seconds. */
export interface PyDatetime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  offset: number | null;
}

// ---------------------------------------------------------------------------------------------
// The local zone (the TZ environment variable), as dateutil's tzlocal sees it.

export interface LocalZone {
  /** UTC offset (seconds east) that tzlocal gives at this instant. */
  offsetAt(epochSecs: number): number;
  /** Python's time.tzname. */
  names: string[];
}

const zoneCache = new Map<string, LocalZone>();

function intlOffsetFn(tz: string): ((epochSecs: number) => number) | undefined {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return undefined;
  }
  return (epochSecs: number) => {
    const parts: Record<string, string> = {};
    for (const p of fmt.formatToParts(new Date(epochSecs * 1000))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const wall = epochFromFields(year, Number(parts.month), Number(parts.day), Number(parts.hour) % 24,
      Number(parts.minute), Number(parts.second));
    return wall - Math.floor(epochSecs);
  };
}

const stripAngles = (n: string) => n.replace(/^<|>$/g, '');

/**
 * Python's time.tzname for an IANA zone: the names in the zone file's POSIX footer (what glibc
 * reports), else the first alphabetic short name some English locale gives.
 */
function zoneNames(tz: string, at: number[]): string[] {
  if (!tz.split('/').includes('..')) {
    try {
      const text = readFileSync(`/usr/share/zoneinfo/${tz}`).toString('latin1');
      const end = text.lastIndexOf('\n');
      const footer = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
      const m = POSIX_TZ.exec(footer);
      if (m) return [stripAngles(m[1]), stripAngles(m[6] ?? m[1])];
    } catch {
      // no zone file: fall back on ICU's names
    }
  }
  const names = at.map(() => '');
  for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-ZA', 'ja-JP']) {
    try {
      const fmt = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' });
      at.forEach((t, i) => {
        const n = fmt.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
        if (!names[i] && /^[A-Z]{3,5}$/.test(n)) names[i] = n;
      });
    } catch {
      break;
    }
  }
  return names;
}

const UTC_ZONE: LocalZone = { offsetAt: () => 0, names: ['UTC', 'UTC'] };

// A POSIX TZ string without a file: `JST-9`, `<+0330>-3:30`. Daylight rules are not applied.
const POSIX_TZ = /^([A-Za-z]{3,}|<[A-Za-z0-9+-]+>)([+-]?)(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?(?:([A-Za-z]{3,}|<[A-Za-z0-9+-]+>).*)?$/;

/**
 * The local zone of the TZ variable `tzEnv` (UTC when unset or empty). Python's time module takes
 * its standard and daylight offsets from January and July of the current year: `now`'s year.
 */
export function localZone(tzEnv: string | undefined, now: Date): LocalZone {
  const year = fieldsFromEpoch(Math.floor(now.getTime() / 1000))[0];
  const key = `${year} ${tzEnv ?? ''}`;
  const hit = zoneCache.get(key);
  if (hit) return hit;
  let zone = UTC_ZONE;
  const raw = tzEnv ?? '';
  const tz = raw.startsWith(':') ? raw.slice(1) : raw;
  if (tz !== '' && tz !== 'UTC' && tz !== 'Etc/UTC') {
    const intl = intlOffsetFn(tz);
    if (intl) {
      // Python's time module takes time.timezone/altzone from January and July of this year.
      const jan = epochFromFields(year, 1, 1, 0, 0, 0);
      const jul = epochFromFields(year, 7, 1, 0, 0, 0);
      const janOff = intl(jan);
      const julOff = intl(jul);
      const [std, dst] = janOff > julOff ? [julOff, janOff] : [janOff, julOff];
      const [stdAt, dstAt] = janOff > julOff ? [jul, jan] : [jan, jul];
      let names: string[] | undefined;
      zone = {
        offsetAt: (t) => {
          if (std === dst) return std;
          const o = intl(t);
          return Math.abs(o - dst) < Math.abs(o - std) ? dst : std;
        },
        get names() {
          return (names ??= zoneNames(tz, [stdAt, dstAt]));
        },
      };
    } else {
      const m = POSIX_TZ.exec(tz);
      if (m) {
        const west = Number(m[3]) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
        const off = m[2] === '-' ? west : -west;
        zone = { offsetAt: () => off, names: [stripAngles(m[1]), stripAngles(m[6] ?? m[1])] };
      }
    }
  }
  zoneCache.set(key, zone);
  return zone;
}

// ---------------------------------------------------------------------------------------------
// datetime.isoformat()


/** Python's datetime.isoformat() (separator 'T'). */
export function isoformat(dt: PyDatetime): string {
  let s = `${pad(dt.year, 4)}-${pad(dt.month, 2)}-${pad(dt.day, 2)}T${pad(dt.hour, 2)}:${pad(dt.minute, 2)}:${pad(dt.second, 2)}`;
  if (dt.microsecond) s += `.${pad(dt.microsecond, 6)}`;
  if (dt.offset !== null) {
    if (dt.offset <= -86400 || dt.offset >= 86400) {
      throw new TimestampError(
        'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).',
      );
    }
    const sign = dt.offset < 0 ? '-' : '+';
    const a = Math.abs(dt.offset);
    s += `${sign}${pad(Math.floor(a / 3600), 2)}:${pad(Math.floor((a % 3600) / 60), 2)}`;
    if (a % 60) s += `:${pad(a % 60, 2)}`;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// datetime.fromtimestamp(value, tzlocal())

/** Thrown where Python raises OverflowError/OSError (botocore then gives up on the value). */
export class PyOverflow extends Error {}

// glibc's gmtime() fails (OSError) once the year no longer fits a C int.
const GMTIME_LIMIT = 67767976233316800;

export function fromTimestamp(value: number, zone: LocalZone): PyDatetime {
  if (!Number.isFinite(value)) {
    if (Number.isNaN(value)) throw new TimestampError('cannot convert float NaN to integer');
    throw new PyOverflow('cannot convert float infinity to integer');
  }
  let secs = Math.trunc(value);
  let us = roundHalfEven((value - secs) * 1e6);
  if (us >= 1e6) {
    us -= 1e6;
    secs += 1;
  } else if (us < 0) {
    us += 1e6;
    secs -= 1;
  }
  if (Math.abs(secs) >= 2 ** 63 || Math.abs(secs) > GMTIME_LIMIT) throw new PyOverflow('timestamp out of range');
  const utcYear = fieldsFromEpoch(secs)[0];
  if (utcYear < 1 || utcYear > 9999) throw new TimestampError(`year ${utcYear} is out of range`);
  const offset = zone.offsetAt(secs);
  const [y, mo, d, h, mi, s] = fieldsFromEpoch(secs + offset);
  if (y < 1 || y > 9999) throw new PyOverflow('date value out of range');
  return { year: y, month: mo, day: d, hour: h, minute: mi, second: s, microsecond: us, offset };
}
