// `--output json`: the AWS CLI's JSONFormatter: json.dump with indent=4, ensure_ascii=False, then a
// newline; an empty dict prints nothing.
import { jsonDumps, pyJsonString } from '../py/json-dumps';
import type { PyValue } from '../py/values';

/** The text `aws ... --output json` prints for one (queried) response. */
export function formatJson(value: PyValue): string {
  // The CLI skips exactly an empty dict: other falsy values (null, [], "", 0, false) are printed.
  if (value instanceof Map && value.size === 0) return '';
  return jsonDumps(value, { indent: 4, ensureAscii: false }) + '\n';
}

/**
 * The UTF-8 text is kept in chunks of this size (a 10,000-job result is 11 MB: no single buffer of it).
 * Each is a large write, as the whole text was (main.ts writes those in pieces, the event loop turning
 * between them: Ctrl-C is answered, a reader that stops cannot hold the process).
 */
const CHUNK = 1024 * 1024;

/** json.dump's options for an item of the merged list (its lines indented for their place). */
const ITEM = { indent: 4, ensureAscii: false, level: 2 };

/**
 * What formatJson prints for the merged result of a paginated list, `{key: [items…], NextToken: token}`,
 * built page by page: each item's text (indented for its place in the list) is kept as UTF-8 and the
 * item dropped, so that the pages are not held. Nothing for an empty result (neither items nor token),
 * as formatJson prints nothing for an empty dict.
 */
export class MergedListJson {
  private readonly chunks: Buffer[] = [];
  private buf: Buffer | undefined;
  private used = 0;
  private seen = false;
  private count = 0;

  constructor(private readonly key: string) {}

  /** A page's list (null or missing: the page adds nothing, as build_full_result skips it). */
  add(items: PyValue | undefined): void {
    if (items === undefined || items === null) return;
    if (!this.seen) {
      this.seen = true;
      this.text(`{\n    ${pyJsonString(this.key)}: `);
    }
    for (const item of items as PyValue[]) {
      this.text(this.count++ === 0 ? '[\n        ' : ',\n        ');
      this.text(jsonDumps(item, ITEM));
    }
  }

  /** The whole text, in chunks, with `NextToken` when --max-items stopped the pages. */
  finish(token: string | undefined): Buffer[] {
    if (!this.seen && token === undefined) return [];
    if (this.seen) this.text(this.count ? '\n    ]' : '[]');
    if (token !== undefined) this.text(`${this.seen ? ',\n' : '{\n'}    "NextToken": ${pyJsonString(token)}`);
    this.text('\n}\n');
    const last = this.buf!.subarray(0, this.used);
    this.buf = undefined;
    // A short last chunk joins the one before: every chunk is a large write.
    const before = this.chunks.pop();
    this.chunks.push(before ? Buffer.concat([before, last]) : last);
    return this.chunks;
  }

  /** Text as UTF-8 at the end of the last chunk. */
  private text(s: string): void {
    let buf = this.buf;
    // (A UTF-16 unit is at most 3 bytes of UTF-8.)
    if (!buf || buf.length - this.used < s.length * 3) {
      if (buf) this.chunks.push(buf.subarray(0, this.used));
      buf = this.buf = Buffer.allocUnsafe(Math.max(CHUNK, s.length * 3));
      this.used = 0;
    }
    this.used += buf.write(s, this.used, 'utf8');
  }
}
