// dateutil.parser.parse, as botocore calls it (tzinfos={'GMT': tzutc()}): its lexer (_timelex), token
// loop, year/month/day resolution and datetime construction, with dateutil's error texts. `now` is
// the clock (the default date's fields, and the century of two-digit years).
import { PyOverflow, localZone, type LocalZone, type PyDatetime } from './datetime';
import { civilFromDays, daysFromCivil, daysInMonth, epochFromFields, fieldsFromEpoch } from './calendar';
import { PyException } from './exceptions';
import { pyFloat } from './numbers';
import { pyIsSpaceChar } from './str';

/** A test by a regex built on first use: Unicode property classes cost about 1 ms to build, at load otherwise. */
const lazyRegExp = (make: () => RegExp) => {
  let re: RegExp | undefined;
  return { test: (s: string) => (re ??= make()).test(s) };
};
const ND = lazyRegExp(() => /\p{Nd}/u);

/** The value of a Unicode decimal digit (each Nd block runs 0..9 from a code point of its own). */
function decimalDigitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** Whether float(s) works. */
function isFloat(s: string): boolean {
  try {
    pyFloat(s);
    return true;
  } catch (e) {
    if (e instanceof PyException) return false;
    throw e;
  }
}

/** Unicode decimal digits to ASCII (Python's int()/float()/Decimal accept any of them). */
function asciiDigits(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) out += ND.test(ch) ? String(decimalDigitValue(ch)) : ch;
  return out;
}

// ---------------------------------------------------------------------------------------------
// dateutil.parser.parse

class ParseFail extends Error {} // dateutil's internal IndexError/ValueError: "Unknown string format"

/** dateutil's ParserError (a ValueError); `message` is str() of it. */
export class ParserError extends Error {}

const JUMP = new Set([' ', '.', ',', ';', '-', '/', "'", 'at', 'on', 'and', 'ad', 'm', 't', 'of', 'st', 'nd', 'rd', 'th']);
// (Literals: a table built in a loop costs every command that loads this module, date or not.)
const WEEKDAYS: Record<string, number> = {
  mon: 0, monday: 0, tue: 1, tuesday: 1, wed: 2, wednesday: 2, thu: 3, thursday: 3, fri: 4, friday: 4,
  sat: 5, saturday: 5, sun: 6, sunday: 6,
};
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const HMS: Record<string, number> = { h: 0, hour: 0, hours: 0, m: 1, minute: 1, minutes: 1, s: 2, second: 2, seconds: 2 };
const AMPM: Record<string, number> = { am: 0, a: 0, pm: 1, p: 1 };
const UTCZONE_LIST = ['UTC', 'GMT', 'Z', 'z'];
const UTCZONE_LOWER = new Set(['utc', 'gmt', 'z']);

const has = (o: Record<string, number>, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const lookup = (o: Record<string, number>, name: string): number | null => {
  const k = name.toLowerCase();
  return has(o, k) ? o[k] : null;
};
const isJump = (name: string) => JUMP.has(name.toLowerCase());
const weekdayOf = (name: string) => lookup(WEEKDAYS, name);
const monthOf = (name: string) => lookup(MONTHS, name);
const hmsOf = (name: string) => lookup(HMS, name);
const ampmOf = (name: string) => lookup(AMPM, name);

const IS_WORD = lazyRegExp(() => /\p{L}/u); // str.isalpha()
// str.isdigit(): decimal digits plus the other Numeric_Type=Digit characters (superscripts, circled …).
const IS_NUM = lazyRegExp(() => /[\p{Nd}\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792]/u);
const isDigitStr = (s: string) => s.length > 0 && [...s].every((c) => IS_NUM.test(c));

/** dateutil's _timelex.split. */
function timelexSplit(input: string): string[] {
  const chars = [...input];
  let pos = 0;
  const charstack: string[] = [];
  const tokenstack: string[] = [];
  let eof = false;
  const out: string[] = [];
  const getToken = (): string | null => {
    if (tokenstack.length) return tokenstack.shift()!;
    let seenletters = false;
    let token: string | null = null;
    let state: string | null = null;
    while (!eof) {
      let nextchar: string;
      if (charstack.length) nextchar = charstack.shift()!;
      else {
        nextchar = pos < chars.length ? chars[pos++] : '';
        while (nextchar === '\x00') nextchar = pos < chars.length ? chars[pos++] : '';
      }
      if (!nextchar) {
        eof = true;
        break;
      } else if (!state) {
        token = nextchar;
        if (IS_WORD.test(nextchar)) state = 'a';
        else if (IS_NUM.test(nextchar)) state = '0';
        else if (pyIsSpaceChar(nextchar)) {
          token = ' ';
          break;
        } else break;
      } else if (state === 'a') {
        seenletters = true;
        if (IS_WORD.test(nextchar)) token += nextchar;
        else if (nextchar === '.') {
          token += nextchar;
          state = 'a.';
        } else {
          charstack.push(nextchar);
          break;
        }
      } else if (state === '0') {
        if (IS_NUM.test(nextchar)) token += nextchar;
        else if (nextchar === '.' || (nextchar === ',' && [...token!].length >= 2)) {
          token += nextchar;
          state = '0.';
        } else {
          charstack.push(nextchar);
          break;
        }
      } else if (state === 'a.') {
        seenletters = true;
        if (nextchar === '.' || IS_WORD.test(nextchar)) token += nextchar;
        else if (IS_NUM.test(nextchar) && token!.endsWith('.')) {
          token += nextchar;
          state = '0.';
        } else {
          charstack.push(nextchar);
          break;
        }
      } else if (state === '0.') {
        if (nextchar === '.' || IS_NUM.test(nextchar)) token += nextchar;
        else if (IS_WORD.test(nextchar) && token!.endsWith('.')) {
          token += nextchar;
          state = 'a.';
        } else {
          charstack.push(nextchar);
          break;
        }
      }
    }
    if (token !== null && (state === 'a.' || state === '0.') &&
        (seenletters || token.split('.').length - 1 > 1 || token.endsWith('.') || token.endsWith(','))) {
      const l = token.split(/([.,])/);
      token = l[0];
      for (const t of l.slice(1)) if (t) tokenstack.push(t);
    }
    if (token !== null && state === '0.' && !token.includes('.')) token = token.replace(/,/g, '.');
    return token;
  };
  for (;;) {
    const t = getToken();
    if (t === null) break;
    out.push(t);
  }
  return out;
}

/** A non-negative decimal token (`12`, `12.5`) held exactly. */
interface Dec { int: bigint; frac: string }

function toDecimal(token: string): Dec {
  const t = asciiDigits(token);
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === '' && !m[2])) throw new ParseFail('Could not convert to decimal');
  return { int: BigInt(m[1] || '0'), frac: (m[2] ?? '').replace(/0+$/, '') };
}
const decNum = (d: Dec) => Number(d.int) + (d.frac ? Number(`0.${d.frac}`) : 0);
/** int(60 * (value % 1)) */
const sixtyFrac = (d: Dec) => (d.frac ? Number((60n * BigInt(d.frac)) / 10n ** BigInt(d.frac.length)) : null);

/** Python int(str) for a lexer token (digits only); throws the parser's ValueError otherwise. */
function intOf(s: string | undefined): number {
  if (s === undefined) throw new ParseFail('index');
  const t = asciiDigits(s);
  if (!/^\d+$/.test(t)) throw new ParseFail(`invalid literal for int(): ${s}`);
  return Number(t);
}

function at(l: string[], i: number): string {
  if (i < 0 || i >= l.length) throw new ParseFail('list index out of range');
  return l[i];
}

class Ymd {
  vals: number[] = [];
  centurySpecified = false;
  dstridx: number | null = null;
  mstridx: number | null = null;
  ystridx: number | null = null;

  get length() { return this.vals.length; }

  couldBeDay(value: number): boolean {
    if (this.dstridx !== null) return false;
    if (this.mstridx === null) return value >= 1 && value <= 31;
    const month = this.vals[this.mstridx];
    if (this.ystridx === null) return value >= 1 && value <= monthRange(2000, month);
    return value >= 1 && value <= monthRange(this.vals[this.ystridx], month);
  }

  append(val: string | number, label?: 'M' | 'D' | 'Y'): void {
    let n: number;
    if (typeof val === 'string') {
      if (isDigitStr(val) && [...val].length > 2) {
        this.centurySpecified = true;
        label = 'Y';
      }
      n = intOf(val);
    } else {
      if (val > 100) {
        this.centurySpecified = true;
        label = 'Y';
      }
      n = Math.trunc(val);
    }
    this.vals.push(n);
    if (label === 'M') {
      if (this.mstridx !== null) throw new ParseFail('Month is already set');
      this.mstridx = this.vals.length - 1;
    } else if (label === 'D') {
      if (this.dstridx !== null) throw new ParseFail('Day is already set');
      this.dstridx = this.vals.length - 1;
    } else if (label === 'Y') {
      if (this.ystridx !== null) throw new ParseFail('Year is already set');
      this.ystridx = this.vals.length - 1;
    }
  }

  resolve(yearfirst: boolean, dayfirst: boolean): [number | null, number | null, number | null] {
    const s = this.vals;
    const len = s.length;
    const strids: Record<string, number> = {};
    if (this.ystridx !== null) strids.y = this.ystridx;
    if (this.mstridx !== null) strids.m = this.mstridx;
    if (this.dstridx !== null) strids.d = this.dstridx;
    const nStr = Object.keys(strids).length;
    if ((len === nStr && nStr > 0) || (len === 3 && nStr === 2)) {
      if (len === 3 && nStr === 2) {
        const used = new Set(Object.values(strids));
        const missing = [0, 1, 2].find((x) => !used.has(x))!;
        const key = ['y', 'm', 'd'].find((k) => !(k in strids))!;
        strids[key] = missing;
      }
      const get = (k: string) => (k in strids ? s[strids[k]] : null);
      return [get('y'), get('m'), get('d')];
    }
    let year: number | null = null;
    let month: number | null = null;
    let day: number | null = null;
    const mstridx = this.mstridx;
    if (len > 3) throw new ParseFail('More than three YMD values');
    else if (len === 1 || (mstridx !== null && len === 2)) {
      let other: number;
      if (mstridx !== null) {
        month = s[mstridx];
        other = s[(mstridx - 1 + len) % len];
      } else other = s[0];
      if (len > 1 || mstridx === null) {
        if (other > 31) year = other;
        else day = other;
      }
    } else if (len === 2) {
      if (s[0] > 31) [year, month] = s;
      else if (s[1] > 31) [month, year] = s;
      else if (dayfirst && s[1] <= 12) [day, month] = s;
      else [month, day] = s;
    } else if (len === 3) {
      if (mstridx === 0) {
        if (s[1] > 31) [month, year, day] = s;
        else [month, day, year] = s;
      } else if (mstridx === 1) {
        if (s[0] > 31 || (yearfirst && s[2] <= 31)) [year, month, day] = s;
        else [day, month, year] = s;
      } else if (mstridx === 2) {
        if (s[1] > 31) [day, year, month] = s;
        else [year, day, month] = s;
      } else if (s[0] > 31 || this.ystridx === 0 || (yearfirst && s[1] <= 12 && s[2] <= 31)) {
        if (dayfirst && s[2] <= 12) [year, day, month] = s;
        else [year, month, day] = s;
      } else if (s[0] > 12 || (dayfirst && s[1] <= 12)) [day, month, year] = s;
      else [month, day, year] = s;
    }
    return [year, month, day];
  }
}

/** calendar.monthrange(y, m)[1] */
function monthRange(y: number, m: number): number {
  if (!(m >= 1 && m <= 12)) throw new ParserErrorValue(`bad month number ${m}; must be 1-12`);
  return daysInMonth(y, m);
}

/** A ValueError raised while building the datetime (dateutil appends ": <timestr>"). */
class ParserErrorValue extends Error {}

interface Result {
  year: number | null; month: number | null; day: number | null; weekday: number | null;
  hour: number | null; minute: number | null; second: number | null; microsecond: number | null;
  tzname: string | null; tzoffset: number | null; ampm: number | null;
  centurySpecified: boolean;
}

function parsems(value: string): [number, number] {
  const t = asciiDigits(value);
  if (!t.includes('.')) return [intOf(t), 0];
  const parts = t.split('.');
  if (parts.length !== 2) throw new ParseFail('too many values to unpack');
  return [intOf(parts[0]), intOf(parts[1].padEnd(6, '0').slice(0, 6))];
}

function couldBeTzname(hour: number | null, tzname: string | null, tzoffset: number | null, token: string): boolean {
  return hour !== null && tzname === null && tzoffset === null && [...token].length <= 5 &&
    ([...token].every((c) => c >= 'A' && c <= 'Z') || UTCZONE_LIST.includes(token));
}

function ampmValid(hour: number | null): boolean {
  if (hour === null) throw new ParseFail('No hour specified with AM or PM flag.');
  if (!(hour >= 0 && hour <= 12)) throw new ParseFail('Invalid hour specified for 12-hour clock.');
  return true;
}

function adjustAmpm(hour: number, ampm: number): number {
  if (hour < 12 && ampm === 1) return hour + 12;
  if (hour === 12 && ampm === 0) return 0;
  return hour;
}

function findHmsIdx(idx: number, tokens: string[]): number | null {
  const len = tokens.length;
  if (idx + 1 < len && hmsOf(tokens[idx + 1]) !== null) return idx + 1;
  if (idx + 2 < len && tokens[idx + 1] === ' ' && hmsOf(tokens[idx + 2]) !== null) return idx + 2;
  if (idx > 0 && hmsOf(tokens[idx - 1]) !== null) return idx - 1;
  if (idx > 1 && idx === len - 1 && tokens[idx - 1] === ' ' && hmsOf(tokens[idx - 2]) !== null) return idx - 2;
  return null;
}

function parseNumericToken(tokens: string[], idx: number, ymd: Ymd, res: Result): number {
  const valueRepr = tokens[idx];
  const value = toDecimal(valueRepr);
  const lenLi = [...valueRepr].length;
  const lenL = tokens.length;
  const s = asciiDigits(valueRepr);
  if (ymd.length === 3 && (lenLi === 2 || lenLi === 4) && res.hour === null &&
      (idx + 1 >= lenL || (tokens[idx + 1] !== ':' && hmsOf(tokens[idx + 1]) === null))) {
    // 19990101T23[59]
    res.hour = intOf(s.slice(0, 2));
    if (lenLi === 4) res.minute = intOf(s.slice(2));
  } else if (lenLi === 6 || (lenLi > 6 && s.indexOf('.') === 6)) {
    // YYMMDD or HHMMSS[.ss]
    if (!ymd.length && !s.includes('.')) {
      ymd.append(s.slice(0, 2));
      ymd.append(s.slice(2, 4));
      ymd.append(s.slice(4));
    } else {
      res.hour = intOf(s.slice(0, 2));
      res.minute = intOf(s.slice(2, 4));
      [res.second, res.microsecond] = parsems(s.slice(4));
    }
  } else if (lenLi === 8 || lenLi === 12 || lenLi === 14) {
    // YYYYMMDD
    ymd.append(s.slice(0, 4), 'Y');
    ymd.append(s.slice(4, 6));
    ymd.append(s.slice(6, 8));
    if (lenLi > 8) {
      res.hour = intOf(s.slice(8, 10));
      res.minute = intOf(s.slice(10, 12));
      if (lenLi > 12) res.second = intOf(s.slice(12));
    }
  } else if (findHmsIdx(idx, tokens) !== null) {
    // HH[ ]h or MM[ ]m or SS[.ss][ ]s
    const hmsIdx = findHmsIdx(idx, tokens)!;
    let hms: number;
    if (hmsIdx > idx) {
      hms = hmsOf(tokens[hmsIdx])!;
      idx = hmsIdx;
    } else hms = hmsOf(tokens[hmsIdx])! + 1;
    if (hms === 0) {
      res.hour = Number(value.int);
      const m = sixtyFrac(value);
      if (m !== null) res.minute = m;
    } else if (hms === 1) {
      res.minute = Number(value.int);
      res.second = sixtyFrac(value);
    } else if (hms === 2) {
      [res.second, res.microsecond] = parsems(valueRepr);
    }
  } else if (idx + 2 < lenL && tokens[idx + 1] === ':') {
    // HH:MM[:SS[.ss]]
    res.hour = Number(value.int);
    const v2 = toDecimal(tokens[idx + 2]);
    res.minute = Number(v2.int);
    res.second = sixtyFrac(v2);
    if (idx + 4 < lenL && tokens[idx + 3] === ':') {
      [res.second, res.microsecond] = parsems(tokens[idx + 4]);
      idx += 2;
    }
    idx += 2;
  } else if (idx + 1 < lenL && (tokens[idx + 1] === '-' || tokens[idx + 1] === '/' || tokens[idx + 1] === '.')) {
    const sep = tokens[idx + 1];
    ymd.append(valueRepr);
    if (idx + 2 < lenL && !isJump(tokens[idx + 2])) {
      if (isDigitStr(tokens[idx + 2])) {
        // 01-01[-01]
        ymd.append(tokens[idx + 2]);
      } else {
        // 01-Jan[-01]
        const m = monthOf(tokens[idx + 2]);
        if (m !== null) ymd.append(m, 'M');
        else throw new ParseFail('');
      }
      if (idx + 3 < lenL && tokens[idx + 3] === sep) {
        // We have three members
        const t4 = at(tokens, idx + 4);
        const m = monthOf(t4);
        if (m !== null) ymd.append(m, 'M');
        else ymd.append(t4);
        idx += 2;
      }
      idx += 1;
    }
    idx += 1;
  } else if (idx + 1 >= lenL || isJump(tokens[idx + 1])) {
    if (idx + 2 < lenL && ampmOf(tokens[idx + 2]) !== null) {
      // 12 am
      res.hour = adjustAmpm(Number(value.int), ampmOf(tokens[idx + 2])!);
      idx += 1;
    } else {
      // Year, month or day
      ymd.append(decNum(value));
    }
    idx += 1;
  } else if (ampmOf(tokens[idx + 1]) !== null && decNum(value) < 24) {
    // 12am
    res.hour = adjustAmpm(Number(value.int), ampmOf(tokens[idx + 1])!);
    idx += 1;
  } else if (ymd.couldBeDay(decNum(value))) {
    ymd.append(decNum(value));
  } else {
    throw new ParseFail('');
  }
  return idx;
}

function dateutilParseTokens(timestr: string, currentYear: number): Result | null {
  const res: Result = {
    year: null, month: null, day: null, weekday: null, hour: null, minute: null, second: null,
    microsecond: null, tzname: null, tzoffset: null, ampm: null, centurySpecified: false,
  };
  const l = timelexSplit(timestr);
  const ymd = new Ymd();
  const lenL = l.length;
  let i = 0;
  try {
    while (i < lenL) {
      const valueRepr = l[i];
      if (isFloat(valueRepr)) {
        if (!/^\d*(\.\d*)?$/.test(asciiDigits(valueRepr))) throw new ParseFail('Unknown numeric token');
        i = parseNumericToken(l, i, ymd, res);
      } else if (weekdayOf(l[i]) !== null) {
        res.weekday = weekdayOf(l[i]);
      } else if (monthOf(l[i]) !== null) {
        ymd.append(monthOf(l[i])!, 'M');
        if (i + 1 < lenL) {
          if (l[i + 1] === '-' || l[i + 1] === '/') {
            // Jan-01[-99]
            const sep = l[i + 1];
            ymd.append(at(l, i + 2));
            if (i + 3 < lenL && l[i + 3] === sep) {
              // Jan-01-99
              ymd.append(at(l, i + 4));
              i += 2;
            }
            i += 2;
          } else if (i + 4 < lenL && l[i + 1] === ' ' && l[i + 3] === ' ' && l[i + 2].toLowerCase() === 'of') {
            // Jan of 01: 01 is clearly the year
            if (isDigitStr(l[i + 4])) ymd.append(String(convertYear(intOf(l[i + 4]), false, currentYear)), 'Y');
            i += 4;
          }
        }
      } else if (ampmOf(l[i]) !== null) {
        const value = ampmOf(l[i])!;
        if (ampmValid(res.hour)) {
          res.hour = adjustAmpm(res.hour!, value);
          res.ampm = value;
        }
      } else if (couldBeTzname(res.hour, res.tzname, res.tzoffset, l[i])) {
        res.tzname = l[i];
        res.tzoffset = null; // parserinfo.TZOFFSET is empty and its UTC check compares lowercased keys
        // GMT+3 means "my time +3 is GMT": flip the sign for the offset code below.
        if (i + 1 < lenL && (l[i + 1] === '+' || l[i + 1] === '-')) {
          l[i + 1] = l[i + 1] === '+' ? '-' : '+';
          res.tzoffset = null;
          if (UTCZONE_LOWER.has(res.tzname.toLowerCase())) res.tzname = null;
        }
      } else if (res.hour !== null && (l[i] === '+' || l[i] === '-')) {
        const signal = l[i] === '+' ? 1 : -1;
        const next = at(l, i + 1);
        const lenLi = [...next].length;
        let hourOffset: number;
        let minOffset: number;
        if (lenLi === 4) {
          // -0300
          hourOffset = intOf(next.slice(0, 2));
          minOffset = intOf(next.slice(2));
        } else if (i + 2 < lenL && l[i + 2] === ':') {
          // -03:00
          hourOffset = intOf(next);
          minOffset = intOf(at(l, i + 3));
          i += 2;
        } else if (lenLi <= 2) {
          // -[0]3
          hourOffset = intOf(next.slice(0, 2));
          minOffset = 0;
        } else {
          throw new ParseFail(timestr);
        }
        res.tzoffset = signal * (hourOffset * 3600 + minOffset * 60);
        // A timezone name between parentheses: -0300 (BRST)
        if (i + 5 < lenL && isJump(l[i + 2]) && l[i + 3] === '(' && l[i + 5] === ')' &&
            [...l[i + 4]].length >= 3 && couldBeTzname(res.hour, res.tzname, null, l[i + 4])) {
          res.tzname = l[i + 4];
          i += 4;
        }
        i += 1;
      } else if (!isJump(l[i])) {
        throw new ParseFail(timestr);
      }
      i += 1;
    }
    const [year, month, day] = ymd.resolve(false, false);
    res.centurySpecified = ymd.centurySpecified;
    res.year = year;
    res.month = month;
    res.day = day;
  } catch (e) {
    if (e instanceof ParseFail) return null;
    throw e;
  }
  // parserinfo.validate
  if (res.year !== null) res.year = convertYear(res.year, res.centurySpecified, currentYear);
  if ((res.tzoffset === 0 && !res.tzname) || res.tzname === 'Z' || res.tzname === 'z') {
    res.tzname = 'UTC';
    res.tzoffset = 0;
  } else if (res.tzoffset !== 0 && res.tzname && UTCZONE_LOWER.has(res.tzname.toLowerCase())) {
    res.tzoffset = 0;
  }
  return res;
}

/** parserinfo.convertyear: a two-digit year is put in the century that brings it within 50 years of now. */
function convertYear(year: number, centurySpecified: boolean, currentYear: number): number {
  if (year < 100 && !centurySpecified) {
    const cur = currentYear;
    year += Math.floor(cur / 100) * 100;
    if (year >= cur + 50) year -= 100;
    else if (year < cur - 50) year += 100;
  }
  return year;
}

const INT_MAX = 2147483647;

function checkedReplace(f: PyDatetime): PyDatetime {
  for (const v of [f.year, f.month, f.day, f.hour, f.minute, f.second, f.microsecond]) {
    if (v > INT_MAX) throw new PyOverflow('signed integer is greater than maximum');
  }
  if (f.year < 1 || f.year > 9999) throw new ParserErrorValue(`year ${f.year} is out of range`);
  if (f.month < 1 || f.month > 12) throw new ParserErrorValue('month must be in 1..12');
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) throw new ParserErrorValue('day is out of range for month');
  if (f.hour > 23) throw new ParserErrorValue('hour must be in 0..23');
  if (f.minute > 59) throw new ParserErrorValue('minute must be in 0..59');
  if (f.second > 59) throw new ParserErrorValue('second must be in 0..59');
  if (f.microsecond > 999999) throw new ParserErrorValue('microsecond must be in 0..999999');
  return f;
}

/** dateutil.parser.parse(timestr, tzinfos={'GMT': tzutc()}) in the given local zone. */
export function dateutilParse(timestr: string, zone: LocalZone, now: Date): PyDatetime {
  const res = dateutilParseTokens(timestr, now.getUTCFullYear());
  if (res === null) throw new ParserError(`Unknown string format: ${timestr}`);
  const count = [res.year, res.month, res.day, res.weekday, res.hour, res.minute, res.second, res.microsecond,
    res.tzname, res.tzoffset, res.ampm].filter((x) => x !== null).length;
  if (count === 0) throw new ParserError(`String does not contain a date: ${timestr}`);
  // default: now in the local zone, at midnight
  const nowSecs = Math.floor(now.getTime() / 1000);
  const [dy, dm, dd] = fieldsFromEpoch(nowSecs + zone.offsetAt(nowSecs));
  let naive: PyDatetime;
  try {
    const repl: PyDatetime = {
      year: res.year ?? dy, month: res.month ?? dm, day: res.day ?? dd,
      hour: res.hour ?? 0, minute: res.minute ?? 0, second: res.second ?? 0, microsecond: res.microsecond ?? 0,
      offset: null,
    };
    if (res.day === null && repl.day > monthRange(repl.year, repl.month)) repl.day = monthRange(repl.year, repl.month);
    naive = checkedReplace(repl);
    if (res.weekday !== null && !res.day) {
      const days = daysFromCivil(naive.year, naive.month, naive.day);
      const wd = (((days + 3) % 7) + 7) % 7; // Monday = 0
      const jump = (7 - wd + res.weekday) % 7;
      const [y, m, d] = civilFromDays(days + jump);
      if (y > 9999) throw new PyOverflow('date value out of range');
      naive = { ...naive, year: y, month: m, day: d };
    }
  } catch (e) {
    if (e instanceof ParserErrorValue) throw new ParserError(`${e.message}: ${timestr}`);
    throw e;
  }
  // _build_tzaware
  if (res.tzname === 'GMT') return { ...naive, offset: 0 };
  if (res.tzname && zone.names.includes(res.tzname)) {
    const wall = epochFromFields(naive.year, naive.month, naive.day, naive.hour, naive.minute, naive.second);
    const off = zone.offsetAt(wall - zone.offsetAt(wall));
    return { ...naive, offset: off };
  }
  if (res.tzoffset === 0) return { ...naive, offset: 0 };
  if (res.tzoffset) return { ...naive, offset: res.tzoffset };
  // no zone, or a zone name dateutil does not understand (it warns and returns a naive datetime)
  return naive;
}

/**
 * dateutil.parser.parse(value) for a string (botocore reads credential expiry times with it), in the
 * zone of TZ, `now` being the clock; throws ParserError with dateutil's text (`Unknown string format: …`).
 */
export function parseDateutil(value: string, tz?: string, now = new Date()): PyDatetime {
  return dateutilParse(value, localZone(tz, now), now);
}
