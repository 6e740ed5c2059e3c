// datetime.strptime(text, '%a, %d %b %Y %H:%M:%S %Z'), the one format the clone reads that way: botocore
// reads a response's Date header so to date its next attempt's amz-sdk-request ttl. CPython's _strptime
// in the C locale: each space of the format is `\s+` (Python's Unicode whitespace), names match in any
// case, %a is an abbreviated day name (never checked against the date), %Z is UTC or GMT (the names of
// a process without a time zone), the match starts at the beginning and must take the whole text (its
// first match: Python's alternatives in order), and the date must exist (no 30 February, no second 60).
import { daysInMonth, epochFromFields } from './calendar';

const WS = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HTTP_DATE = new RegExp([
  '^(?:mon|tue|wed|thu|fri|sat|sun),', WS,
  '(3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])', WS, // %d
  `(${MONTHS.join('|')})`, WS, // %b
  '(\\d\\d\\d\\d)', WS, // %Y
  '(2[0-3]|[0-1]\\d|\\d):([0-5]\\d|\\d):(6[0-1]|[0-5]\\d|\\d)', WS, // %H:%M:%S
  '(?:utc|gmt)', // %Z
].join(''), 'i');

/** The seconds since the epoch of a Date header as botocore reads it (a naive UTC time), or undefined where strptime raises. */
export function strptimeHttpDate(text: string): number | undefined {
  const m = HTTP_DATE.exec(text);
  if (!m || m[0].length !== text.length) return undefined;
  const [day, month, year, hh, mm, ss] = [Number(m[1]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  if (year < 1 || day > daysInMonth(year, month) || ss > 59) return undefined;
  return epochFromFields(year, month, day, hh, mm, ss);
}
