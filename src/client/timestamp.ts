// botocore's parse_timestamp and the AWS CLI's iso8601 timestamp form (awscli/customizations/
// timestampformat.py): `parse_timestamp(value).isoformat()`. Epoch numbers go through
// datetime.fromtimestamp in the local zone (TZ), strings through dateutil's parser.
import { pyStr, pyTypeShortName } from '../py/repr';
import { PyException } from '../py/exceptions';
import { pyFloat } from '../py/numbers';
import { PyDateTime, PyFloat, type PyValue } from '../py/values';
import { fromTimestamp, localZone, PyOverflow, TimestampError, type LocalZone, type PyDatetime } from '../py/datetime';
import { daysInMonth, epochFromFields, fieldsFromEpoch } from '../py/calendar';
import { isAsciiDigit } from '../py/str';
import { dateutilParse, ParserError } from '../py/dateutil';

/** botocore's `Invalid timestamp "<value>": <reason>` (e.g. dateutil's `Unknown string format: …`): a ValueError. */
export class InvalidTimestampError extends TimestampError {
  override name = 'InvalidTimestampError';
}

/**
 * What parse_timestamp raises otherwise than as a ValueError: its RuntimeError (`Unable to calculate
 * correct timezone offset for "<value>"`, when every zone overflows) and float()'s OverflowError. The
 * parameter validator does not catch these (they end the command, exit 255).
 */
export class TimestampOverflowError extends TimestampError {
  override name = 'TimestampOverflowError';
}

// The form services send (`2026-11-20T05:00:00.123Z`, `…+05:30`): what dateutil makes of it, without
// the general parser. Anything unusual (out-of-range fields) takes the general path.
const ISO_FAST = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The two decimal digits at i (a negative number when either is not one). */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * fastIso straight to isoformat()'s text (the response parser's common case), read a character at a
 * time (it runs for every timestamp of every page): ISO_FAST's form, with an offset of less than a day
 * and at most 59 minutes (others take the general path).
 */
export function fastIsoString(s: string): string | undefined {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
      s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const century = twoDigits(s, 0), yy = twoDigits(s, 2), month = twoDigits(s, 5), day = twoDigits(s, 8);
  const hour = twoDigits(s, 11), minute = twoDigits(s, 14), second = twoDigits(s, 17);
  if (century < 0 || yy < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  const year = century * 100 + yy;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 59) return undefined;
  let i = 19;
  let fraction = '';
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    let nonzero = false;
    while (i < n && isAsciiDigit(s.charCodeAt(i))) {
      if (i < start + 6 && s.charCodeAt(i) !== 48) nonzero = true;
      i++;
    }
    if (i === start) return undefined;
    // isoformat() shows microseconds (the first 6 digits) when there are any.
    if (nonzero) fraction = '.' + (i - start >= 6 ? s.slice(start, start + 6) : s.slice(start, i).padEnd(6, '0'));
  }
  const c = s.charCodeAt(i);
  if (c === 90 && i + 1 === n) return s.slice(0, 19) + fraction + '+00:00';
  if ((c !== 43 && c !== 45) || i + 6 !== n || s.charCodeAt(i + 3) !== 58) return undefined;
  const offsetHours = twoDigits(s, i + 1);
  const offsetMinutes = twoDigits(s, i + 4);
  if (offsetHours < 0 || offsetMinutes < 0) return undefined;
  if (offsetHours === 0 && offsetMinutes === 0) return s.slice(0, 19) + fraction + '+00:00';
  // isoformat() refuses offsets of a day or more; more than 59 minutes carry into the hours.
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  return s.slice(0, 19) + fraction + s.slice(i);
}

function fastIso(s: string): PyDatetime | undefined {
  const m = ISO_FAST.exec(s);
  if (!m) return undefined;
  const year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = +m[6];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 59) return undefined;
  const microsecond = m[7] ? +m[7].padEnd(6, '0').slice(0, 6) : 0;
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (+m[10] * 3600 + +m[11] * 60);
  return { year, month, day, hour, minute, second, microsecond, offset: offset === 0 ? 0 : offset };
}

const MAX_FLOAT_INT = 2n ** 1024n;

/** parse_timestamp(value) in a local zone, with `now` as the clock. */
export function parseTimestampIn(value: PyValue, zone: LocalZone, now: Date): PyDatetime {
  const runtime = () => new TimestampOverflowError(`Unable to calculate correct timezone offset for "${pyStr(value)}"`);
  let numeric: number | undefined;
  let isNumber = false;
  if (typeof value === 'boolean') {
    numeric = value ? 1 : 0;
    isNumber = true;
  } else if (typeof value === 'number') {
    numeric = value;
    isNumber = true;
  } else if (value instanceof PyFloat) {
    numeric = value.value;
    isNumber = true;
  } else if (typeof value === 'bigint') {
    // fromtimestamp(int) overflows time_t; the fallback's float(value) may itself overflow.
    if (value >= MAX_FLOAT_INT || value <= -MAX_FLOAT_INT) throw new TimestampOverflowError('int too large to convert to float');
    numeric = Number(value);
    isNumber = true;
  } else if (typeof value === 'string') {
    const fast = fastIso(value);
    if (fast) return fast;
    numeric = floatOf(value);
  }
  if (isNumber) {
    try {
      return fromTimestamp(numeric!, zone);
    } catch (e) {
      if (e instanceof PyOverflow) throw runtime();
      throw e;
    }
  }
  if (numeric !== undefined) {
    // float(value) worked on a string: fromtimestamp's ValueErrors fall through to dateutil.
    try {
      return fromTimestamp(numeric, zone);
    } catch (e) {
      if (e instanceof PyOverflow) throw runtime();
    }
  }
  if (typeof value !== 'string') {
    throw new InvalidTimestampError(
      `Invalid timestamp "${pyStr(value)}": Parser must be a string or character stream, not ${pyTypeShortName(value)}`,
    );
  }
  try {
    return dateutilParse(value, zone, now);
  } catch (e) {
    if (e instanceof ParserError) throw new InvalidTimestampError(`Invalid timestamp "${value}": ${e.message}`);
    if (e instanceof PyOverflow) throw runtime();
    throw e;
  }
}

/**
 * botocore's parse_timestamp: the datetime Python would hold. `tz` is the TZ environment variable;
 * `now` the clock (the current time when unset).
 */
export function parseTimestamp(value: PyValue, tz?: string, now = new Date()): PyDatetime {
  return parseTimestampIn(value, localZone(tz, now), now);
}

/** float(s), or undefined where Python raises ValueError. */
function floatOf(s: string): number | undefined {
  try {
    return pyFloat(s);
  } catch (e) {
    if (e instanceof PyException) return undefined;
    throw e;
  }
}

/**
 * botocore's parse_to_aware_datetime, in UTC: a datetime as it is (naive: UTC), else parse_timestamp;
 * a naive result is taken as UTC, an aware one moved to UTC as astimezone() does it (an offset of a day
 * or more is datetime's ValueError; a result outside the years 1..9999 its OverflowError, which the
 * AWS CLI lets escape).
 */
export function parseToAwareDatetime(value: PyValue, tz?: string, now = new Date()): PyDatetime {
  const dt = value instanceof PyDateTime
    ? { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: value.second,
      microsecond: value.microsecond, offset: null }
    : parseTimestamp(value, tz, now);
  if (dt.offset === null || dt.offset === 0) return { ...dt, offset: 0 };
  if (dt.offset <= -86400 || dt.offset >= 86400) {
    throw new TimestampError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
  }
  const [year, month, day, hour, minute, second] =
    fieldsFromEpoch(epochFromFields(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second) - dt.offset);
  if (year < 1 || year > 9999) throw new TimestampOverflowError('date value out of range');
  return { year, month, day, hour, minute, second, microsecond: dt.microsecond, offset: 0 };
}
