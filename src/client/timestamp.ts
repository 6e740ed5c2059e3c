// botocore's parse_timestamp and the AWS CLI's iso8601 timestamp form (awscli/customizations/
// timestampformat.py): `parse_timestamp(value).isoformat()`. Epoch numbers go through
// datetime.fromtimestamp in the local zone (TZ), strings through dateutil's parser.
import { pyStr, pyTypeShortName } from '../py/repr';
import { PyException } from '../py/exceptions';
import { pyFloat } from '../py/numbers';
import { PyDateTime, PyFloat, type PyValue } from '../py/values';
import { fromTimestamp, localZone, PyOverflow, TimestampError, type LocalZone, type PyDatetime } from '../py/datetime';
import { daysInMonth, epochFromFields, fieldsFromEpoch } from '../py/calendar';
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

/** fastIso straight to isoformat()'s text (the response parser's common case). */
export function fastIsoString(s: string): string | undefined {
  const m = ISO_FAST.exec(s);
  if (!m) return undefined;
  const year = +m[1], month = +m[2], day = +m[3];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || +m[4] > 23 ||
      +m[5] > 59 || +m[6] > 59) return undefined;
  let out = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const us = m[7] ? m[7].slice(0, 6) : '';
  if (/[1-9]/.test(us)) out += `.${us.padEnd(6, '0')}`;
  if (m[8] || (m[10] === '00' && m[11] === '00')) return `${out}+00:00`;
  if (+m[10] > 23) return undefined; // isoformat() refuses offsets of a day or more
  return `${out}${m[9]}${m[10]}:${m[11]}`;
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
