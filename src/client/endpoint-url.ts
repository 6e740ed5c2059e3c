// Checks of an explicit endpoint URL that botocore makes when it creates the client (exit 255):
// Python's urlsplit must accept it and it must name a valid host name or IPv6 address.
import { CliError, RC } from '../errors';

const HOST_LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))\.?$/i;

/** The host part of a URL as Python's urlsplit finds it, or undefined when there is none. */
function splitHost(url: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:(.*)$/s.exec(url);
  if (!m) return undefined;
  const rest = m[1];
  if (!rest.startsWith('//')) return undefined;
  const netloc = rest.slice(2).split(/[/?#]/)[0];
  if ((netloc.includes('[') && !netloc.includes(']')) || (netloc.includes(']') && !netloc.includes('['))) {
    throw new CliError('Invalid IPv6 URL', RC.GENERAL);
  }
  const hostport = netloc.includes('@') ? netloc.slice(netloc.lastIndexOf('@') + 1) : netloc;
  if (hostport.startsWith('[')) return hostport.slice(0, hostport.indexOf(']') + 1);
  const host = hostport.split(':')[0];
  return host === '' ? undefined : host;
}

export function validateEndpointUrl(url: string): void {
  const host = splitHost(url);
  const ok = host !== undefined && (host.startsWith('[')
    ? /^\[[0-9a-fA-F:.]+(%[\w.~-]+)?\]$/.test(host)
    : host.length <= 255 && HOST_LABELS.test(host));
  if (!ok) throw new CliError(`Invalid endpoint: ${url}`, RC.GENERAL);
}
