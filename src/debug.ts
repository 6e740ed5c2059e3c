// --debug: a log on stderr of what the CLI resolved and sent, in the AWS CLI's line format.
// Secrets never reach it: callers pass values through `redact` and headers through `redactHeaders`.
import type { IO } from './io';

export interface DebugLog {
  readonly enabled: boolean;
  debug(logger: string, message: string): void;
  /** A warning, in the same line format (only when the log is on). */
  warning?(logger: string, message: string): void;
  /** Registers a value (a secret key, a session token) that the log must never show. */
  secret?(value: string | undefined): void;
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())},${p(d.getMilliseconds(), 3)}`;
}

export function createDebugLog(io: IO, enabled: boolean): DebugLog {
  const secrets = [io.env.AWS_SECRET_ACCESS_KEY, io.env.AWS_SESSION_TOKEN, io.env.AWS_SECURITY_TOKEN]
    .filter((s): s is string => !!s && s.length >= 4);
  const line = (level: string, logger: string, message: string) => {
    if (!enabled) return;
    let m = message;
    for (const s of secrets) m = m.split(s).join('<redacted>');
    io.stderr.write(`${stamp(io.now())} - MainThread - ${logger} - ${level} - ${m}\n`);
  };
  return {
    enabled,
    debug: (logger, message) => line('DEBUG', logger, message),
    warning: (logger, message) => line('WARNING', logger, message),
    secret(value) {
      if (value && value.length >= 4 && !secrets.includes(value)) secrets.push(value);
    },
  };
}

/** Headers for the log, with the signature and the session token hidden. */
export function redactHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const lk = k.toLowerCase();
    if (lk === 'x-amz-security-token') out[k] = '<redacted>';
    else if (lk === 'authorization') out[k] = v.replace(/Signature=[0-9a-f]+/, 'Signature=<redacted>');
    else out[k] = v;
  }
  return out;
}
