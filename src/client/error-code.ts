// A failed response's error code and message, as botocore's REST-JSON parser finds them:
//  - a 5xx with an empty or HTML body is "generic": the status as the code, its reason as the message;
//  - otherwise the body (JSON, or its text as the message), `message`/`Message`, the code from the
//    x-amzn-ErrorType header, else the body's `code`/`Code`, else `__type`, else the status, each cut
//    at ':' and after the last '#'.

import { hasOwn, own } from '../model/own';

const HTTP_REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large', 415: 'Unsupported Media Type',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

export interface ParsedError {
  code: string;
  /** The message as the one-line error prints it (Python's str(): a JSON null is `None`). */
  message: string;
  /** The message as the error document holds it (null stays null). */
  messageValue: string | number | boolean | null;
  /** The JSON body when there was one (the error shape's fields are read from it). */
  body?: Record<string, unknown>;
  /** A generic 5xx answer (botocore's Error dict is then {Code, Message}, else {Message, Code}). */
  generic?: boolean;
}

const cleanCode = (c: string) => {
  const head = c.split(':')[0];
  return head.includes('#') ? head.slice(head.lastIndexOf('#') + 1) : head;
};

export function parseErrorResponse(status: number, headers: Record<string, string>, text: string): ParsedError {
  const trimmed = text.trim();
  if (status >= 500 && (trimmed === '' || trimmed.startsWith('<html>'))) {
    const reason = own(HTTP_REASONS, String(status)) ?? '';
    return { code: String(status), message: reason, messageValue: reason, generic: true };
  }
  let body: Record<string, unknown> = {};
  let json: Record<string, unknown> | undefined;
  if (text !== '') {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = json = parsed as Record<string, unknown>;
    } catch {
      body = { message: text };
    }
  }
  const m = hasOwn(body, 'message') ? body.message : hasOwn(body, 'Message') ? body.Message : '';
  const messageValue = typeof m === 'string' || typeof m === 'number' || typeof m === 'boolean' || m === null ? m
    : JSON.stringify(m);
  const message = m === null ? 'None' : m === true ? 'True' : m === false ? 'False' : String(messageValue);
  const type = own(body, '__type');
  let code = typeof type === 'string' ? cleanCode(type) : String(status);
  const header = headers['x-amzn-errortype'];
  if (header !== undefined) code = cleanCode(header);
  else if (hasOwn(body, 'code') || hasOwn(body, 'Code')) {
    const c = hasOwn(body, 'code') ? body.code : body.Code;
    if (typeof c === 'string') code = cleanCode(c);
  }
  return { code, message, messageValue, body: json };
}

export function errorCodeOf(status: number, headers: Record<string, string>, text: string): string {
  return parseErrorResponse(status, headers, text).code;
}
