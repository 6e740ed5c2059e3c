// `--output json`: the AWS CLI's JSONFormatter for one (queried) response: json.dump with indent=4,
// ensure_ascii=False, then a newline; an empty dict prints nothing.
import { jsonDumps } from '../py/json-dumps';
import type { PyValue } from '../py/values';

/** The text `aws ... --output json` prints for one (queried) response. */
export function formatJson(value: PyValue): string {
  // The CLI skips exactly an empty dict: other falsy values (null, [], "", 0, false) are printed.
  if (value instanceof Map && value.size === 0) return '';
  return jsonDumps(value, { indent: 4, ensureAscii: false }) + '\n';
}
