// botocore's xform_name: the CLI names of operations and members come from the API names by it.
// Its three regular expressions are followed here as loops over the characters (V8 compiled the
// expressions at the first command line's first name: about 0.3 ms of every command):
//   _special_case_transform = '[A-Z]{2,}s$'
//   _first_cap_regex = '(.)([A-Z][a-z]+)'     substituted with \1<sep>\2
//   _end_cap_regex = '([a-z0-9])([A-Z])'      substituted with \1<sep>\2
// (Checked against botocore's own on the model's names and thousands of others:
// test/model/fixtures/xform-cases.json.)
import { isAsciiDigit as isDigit, isAsciiLower as isLower, isAsciiUpper as isUpper } from '../py/str';

/**
 * re.search('[A-Z]{2,}s$', name): the matched text, or undefined. (Python's `$` also matches before a
 * newline that ends the string.)
 */
function specialMatch(name: string): string | undefined {
  let q = name.length - 1;
  if (q >= 0 && name.charCodeAt(q) === 0x0a) q--;
  if (q < 0 || name.charCodeAt(q) !== 0x73) return undefined;
  let i = q;
  while (i > 0 && isUpper(name.charCodeAt(i - 1))) i--;
  return q - i >= 2 ? name.slice(i, q + 1) : undefined;
}

/** re.sub('(.)([A-Z][a-z]+)', r'\1<sep>\2', s): at each match, left to right, the separator before the capital. */
function firstCap(s: string, sep: string): string {
  let out = '';
  let from = 0;
  for (let p = 0; p + 2 < s.length;) {
    // (Python's `.` is any character but a newline.)
    if (s.charCodeAt(p) !== 0x0a && isUpper(s.charCodeAt(p + 1)) && isLower(s.charCodeAt(p + 2))) {
      let e = p + 3;
      while (e < s.length && isLower(s.charCodeAt(e))) e++;
      out += `${s.slice(from, p + 1)}${sep}${s.slice(p + 1, e)}`;
      from = p = e;
    } else {
      p++;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** re.sub('([a-z0-9])([A-Z])', r'\1<sep>\2', s). */
function endCap(s: string, sep: string): string {
  let out = '';
  let from = 0;
  for (let p = 0; p + 1 < s.length;) {
    const c = s.charCodeAt(p);
    if ((isLower(c) || isDigit(c)) && isUpper(s.charCodeAt(p + 1))) {
      out += `${s.slice(from, p + 1)}${sep}${s[p + 1]}`;
      from = p = p + 2;
    } else {
      p++;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** botocore's xform_name: CamelCase → snake_case (or kebab-case with sep '-'). */
export function xformName(name: string, sep = '_'): string {
  if (name.includes(sep)) return name;
  let n = name;
  const special = specialMatch(n);
  // Something like ARNs, ACLs becomes _arns, _acls (botocore cuts the match's length off the end).
  if (special !== undefined) n = `${n.slice(0, n.length - special.length)}${sep}${special.toLowerCase()}`;
  return endCap(firstCap(n, sep), sep).toLowerCase();
}
