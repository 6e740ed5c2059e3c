// Which output format, and the formatters behind it (the heavy ones loaded only when chosen).
import { CliError, RC } from '../errors';
import type { ExitHook, IO } from '../io';
import { PyFloat, type PyValue } from '../py/values';
import type { TableOptions } from './table';

export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off';
const FORMATS = new Set(['json', 'text', 'table', 'yaml', 'yaml-stream', 'off']);

/**
 * --output > AWS_DEFAULT_OUTPUT > the profile's `output` > json (an empty variable is a value). An
 * invalid value is the formatter factory's ValueError (255), printed stripped as every error is:
 * an empty one reads `Unknown output type:`.
 */
export function chooseOutput(flag: string | undefined, env: string | undefined, profile: string | undefined): OutputFormat {
  const v = flag ?? env ?? profile ?? 'json';
  if (!FORMATS.has(v)) throw new CliError(`Unknown output type: ${v}`.replace(/\s+$/, ''), RC.GENERAL);
  return v as OutputFormat;
}

export interface RenderOptions {
  /** The operation's API name, the table's title. */
  title: string;
  color: 'on' | 'off' | 'auto';
  io: IO;
  /**
   * Whether a coloured table gets colorama's autoreset codes (the default): only what is written
   * through the sys.stdout that colorama wraps does; not an error document on stderr, nor the pager's
   * input.
   */
  autoreset?: boolean;
}

export function useColor(color: string, io: IO): boolean {
  return color === 'on' || (color === 'auto' && !!io.stdout.isTTY);
}

/**
 * The table's colour and width: the terminal's width on a terminal, else 80 columns. A coloured table
 * is awscli's ColorizedStyler, which runs colorama.init(): at exit colorama resets the style of a
 * terminal on standard output (once, whatever was written and wherever: the pager, stderr).
 */
export function tableOptions(o: RenderOptions): TableOptions {
  const width = o.io.stdout.isTTY ? (o.io.stdout.columns ?? 80) : 80;
  const color = useColor(o.color, o.io);
  if (color) o.io.atExit?.(coloramaResetAll);
  return { color, width, autoreset: o.autoreset ?? true };
}

/** colorama's reset_all at exit: Style.RESET_ALL to standard output when it is a terminal. */
const coloramaResetAll: ExitHook = (io) => {
  if (io.stdout.isTTY && !io.stdout.closed) io.stdout.write('\x1b[0m');
};

/** YAMLDumper._is_json_scalar: None, int, float, bool, str. */
const isJsonScalar = (v: PyValue) => v === null || typeof v === 'string' || typeof v === 'number' ||
  typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat;

/** Renders one whole (already shaped and queried) result in a buffered format (a large table as UTF-8 bytes). */
export async function renderBuffered(format: OutputFormat, value: PyValue, o: RenderOptions): Promise<string | Uint8Array> {
  switch (format) {
    case 'json': {
      const { formatJson } = await import('./json');
      return formatJson(value);
    }
    case 'text': {
      const { formatText } = await import('./text');
      return formatText(value);
    }
    case 'table': {
      const { formatTableBytes } = await import('./table');
      return formatTableBytes(value, o.title, tableOptions(o));
    }
    case 'yaml': {
      // As the AWS CLI's YAMLFormatter: an empty dict (an operation without output) prints nothing; its
      // YAMLDumper writes a scalar (a --query result: None, a number, a bool, a string) as JSON, not as
      // a YAML document.
      if (value instanceof Map && value.size === 0) return '';
      if (isJsonScalar(value)) {
        const { formatJson } = await import('./json');
        return formatJson(value);
      }
      const { dumpYaml } = await import('./yaml');
      return dumpYaml(value);
    }
    case 'yaml-stream': {
      const { dumpYamlStream } = await import('./yaml');
      return dumpYamlStream(value);
    }
    default:
      return '';
  }
}

/**
 * Renders the (queried) result of a single, not paginated response: as renderBuffered, except that
 * the AWS CLI's StreamedYAMLFormatter prints no document at all for an empty dict (an operation
 * without output); the pages of a paginated call are each printed.
 */
export async function renderResponse(format: OutputFormat, value: PyValue, o: RenderOptions): Promise<string | Uint8Array> {
  if (format === 'yaml-stream' && value instanceof Map && value.size === 0) return '';
  return renderBuffered(format, value, o);
}
