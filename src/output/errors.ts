// A service error in each --cli-error-format (AWS_CLI_ERROR_FORMAT): the one-line legacy message,
// the enhanced default (the line plus the modeled extras), or the error document as json, yaml,
// text or table.
import type { ServiceError } from '../client/service-error';
import type { IO } from '../io';
import { renderBuffered } from './index';

export async function renderServiceError(err: ServiceError, format: string | undefined, io: IO): Promise<string> {
  const line = `\naws: [ERROR]: ${err.message}\n`;
  switch (format) {
    case 'legacy':
      return line;
    case 'json':
    case 'yaml':
    case 'text':
    case 'table':
      return renderBuffered(format, err.details, { title: 'Error', color: 'off', io });
    default: {
      const extra = err.extraDetails();
      if (!extra.length) return line;
      const { formatText } = await import('./text');
      const rows = extra.map(([k, v]) => `${k}: ${formatText(v).replace(/\n$/, '')}`);
      return `${line}\nAdditional error details:\n${rows.join('\n')}\n`;
    }
  }
}
