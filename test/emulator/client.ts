// A small REST-JSON client for the emulator's tests, driven by the model as any SDK is: an operation's
// input is put on its route (URI labels percent-encoded, query members as query parameters, the rest as
// the JSON body), and the reply comes back with its status, error type and JSON.
import { MODEL } from '../../src/model';
import { call, type CallOptions, type Reply } from './helpers';

export interface Answer extends Reply {
  /** The x-amzn-ErrorType of an error reply. */
  error?: string;
  message?: string;
}

/** Calls operation `opName` of the emulator at `url` with `input`. */
export async function invoke(url: string, opName: string, input: Record<string, unknown> = {},
  opts: Pick<CallOptions, 'sign' | 'headers'> = {}): Promise<Answer> {
  const op = MODEL.operations[opName];
  if (!op) throw new Error(`no operation ${opName}`);
  const members = op.input ? MODEL.shapes[op.input.shape].members ?? {} : {};
  const [pathTemplate] = op.http.requestUri.split('?');
  const byLabel = new Map(Object.entries(members).filter(([, r]) => r.location === 'uri').map(([n, r]) => [r.locationName ?? n, n]));
  const path = pathTemplate.replace(/\{([^}+]+)(\+?)\}/g, (_m, label: string, greedy: string) => {
    const value = String(input[byLabel.get(label)!] ?? '');
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  const query: Record<string, string | string[]> = {};
  const body: Record<string, unknown> = {};
  let hasBody = false;
  for (const [name, ref] of Object.entries(members)) {
    if (!ref.location) hasBody = true;
    if (!Object.hasOwn(input, name) || input[name] === undefined) continue;
    const v = input[name];
    if (ref.location === 'querystring') query[ref.locationName ?? name] = Array.isArray(v) ? v.map(String) : String(v);
    else if (!ref.location) body[name] = v;
  }
  const r = await call(url, op.http.method, path, { query, body: hasBody ? body : undefined, ...opts });
  const error = r.headers['x-amzn-errortype'] as string | undefined;
  return Object.assign(r, error ? { error, message: r.json?.message as string } : {});
}
