// The error code of a failed response, as botocore's REST-JSON parser finds it: the
// x-amzn-ErrorType header (before any ':'), else the body's __type or code (after any '#'),
// else the HTTP status code.
export function errorCodeOf(status: number, headers: Record<string, string>, body: string): string {
  const h = headers['x-amzn-errortype'];
  if (h) return h.split(':')[0];
  try {
    const j = JSON.parse(body) as Record<string, unknown>;
    const c = (j.__type ?? j.code ?? j.Code) as string | undefined;
    if (typeof c === 'string') return c.includes('#') ? c.slice(c.indexOf('#') + 1) : c;
  } catch {
    /* not JSON */
  }
  return String(status);
}
