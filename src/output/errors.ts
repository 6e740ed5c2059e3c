// Errors in each --cli-error-format, as awscli/errorhandler.py renders them.
//
// The format: --cli-error-format > AWS_CLI_ERROR_FORMAT > the profile's cli_error_format > enhanced,
// case-insensitive; an unknown value (from the environment or the profile) is `enhanced`.
//  - legacy: `aws: [ERROR]: <message>` (a service error's one line; for the other structured errors the
//    bare message, without "An error occurred (Code):");
//  - enhanced: `aws: [ERROR]: An error occurred (<Code>)…` plus, for a service error with modeled
//    fields beyond its code and message, "Additional error details:" with one `key: value` line each;
//  - json, yaml, text, table: the error document ({Code, Message, modeled fields…}) through that output
//    formatter (with --color, but not --query: the AWS CLI's error handler gives its formatter no query),
//    the table titled `error` and written to stderr as it is (no colorama autoreset codes there).
// Every `aws: [ERROR]:` line is written as awscli/errorformat.py writes it: a newline, the prefix and
// the message stripped of surrounding whitespace, a newline.
import type { IO } from '../io';
import type { PyDict, PyValue } from '../py/values';
import { pyStr } from '../py/repr';
import { pyStrip } from '../py/str';
import { renderBuffered, type OutputFormat } from './index';

/** What a structured error carries (ServiceError and StructuredError both provide it). */
export interface StructuredErrorLike {
  readonly message: string;
  /** {Code, Message, …modeled fields}: what the json/yaml/text/table formats print. */
  errorInfo(): PyDict;
  /** The `aws: [ERROR]:` text in the enhanced format. */
  enhancedText(): string;
  /** The `aws: [ERROR]:` text in the legacy format. */
  legacyText(): string;
  /** Fields listed under "Additional error details:" in the enhanced format. */
  extraDetails(): [string, PyValue][];
  /** Set by the call: the profile's cli_error_format and --color. */
  renderContext?: ErrorRenderContext;
}

export interface ErrorRenderContext {
  profileFormat?: string;
  color?: string;
}

const STRUCTURED = new Set(['json', 'yaml', 'text', 'table']);

/** awscli/errorformat.write_error: "\naws: [ERROR]: <message stripped>\n". */
export function writeError(message: string): string {
  const m = pyStrip(message);
  return m ? `\naws: [ERROR]: ${m}\n` : '\naws: [ERROR]:\n';
}

/** The format in effect: the command line or environment value given, else the profile's, else enhanced. */
/** Whether the AWS CLI's error handler knows this cli_error_format (lower-cased). */
export function knownErrorFormat(format: string): boolean {
  return format === 'legacy' || format === 'enhanced' || STRUCTURED.has(format);
}

export function resolveErrorFormat(given: string | undefined, profile: string | undefined): string {
  const v = given !== undefined ? given : profile;
  if (!v) return 'enhanced';
  const lower = v.toLowerCase();
  return knownErrorFormat(lower) ? lower : 'enhanced';
}

/** One "Additional error details" value: scalars as Python's str(), small flat lists and dicts inline. */
function detailText(value: PyValue): string {
  const simple = (v: PyValue) => !(v instanceof Map) && !Array.isArray(v);
  if (simple(value)) return pyStr(value);
  if (Array.isArray(value) && value.length < 5 && value.every(simple)) return `[${value.map(pyStr).join(', ')}]`;
  if (value instanceof Map && value.size < 5 && [...value.values()].every(simple)) {
    return `{${[...value].map(([k, v]) => `${k}: ${pyStr(v)}`).join(', ')}}`;
  }
  return '<complex value> (Use --cli-error-format with json or yaml to see full details)';
}

export async function renderStructuredError(err: StructuredErrorLike, format: string | undefined, io: IO): Promise<string> {
  const ctx = err.renderContext ?? {};
  const fmt = resolveErrorFormat(format, ctx.profileFormat);
  if (fmt === 'legacy') return writeError(err.legacyText());
  if (STRUCTURED.has(fmt)) {
    try {
      const value = err.errorInfo();
      const color = ctx.color === 'on' || ctx.color === 'off' ? ctx.color : 'auto';
      const text = await renderBuffered(fmt as OutputFormat, value, { title: 'error', color, io, autoreset: false });
      return typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
    } catch {
      // The AWS CLI falls back to the plain line when the structured rendering fails.
      return writeError(err.legacyText());
    }
  }
  const extra = err.extraDetails();
  const head = writeError(err.enhancedText());
  if (!extra.length) return head;
  return `${head}\nAdditional error details:\n${extra.map(([k, v]) => `${k}: ${detailText(v)}\n`).join('')}`;
}
