// Generic request routing from the model: every operation's `http.method` + `http.requestUri` template
// (`/memberships/{membershipIdentifier}/trained-model-inference-jobs/{trainedModelInferenceJobArn}`,
// greedy `{label+}`, literal query parts after `?`) becomes a matcher over the raw request path.
import type { Operation, ServiceModel } from '../model/types';

type Segment = { literal: string } | { label: string; greedy: boolean };

export interface Route {
  operation: Operation;
  method: string;
  segments: Segment[];
  /** Literal query requirements of the template (`?type=x` or `?flag`). */
  query: [string, string | undefined][];
  /** Sort key: routes with more literal segments win over label-only ones. */
  specificity: number;
}

export interface RouteMatch {
  operation: Operation;
  /** Label values, percent-decoded. */
  labels: Record<string, string>;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function compileRoutes(model: ServiceModel): Route[] {
  const routes: Route[] = [];
  for (const op of Object.values(model.operations)) {
    const [pathPart, queryPart] = op.http.requestUri.split('?', 2) as [string, string | undefined];
    const segments: Segment[] = pathPart.split('/').filter((s) => s !== '').map((s) => {
      const m = /^\{([^}]+?)(\+?)\}$/.exec(s);
      return m ? { label: m[1], greedy: m[2] === '+' } : { literal: s };
    });
    const query: [string, string | undefined][] = (queryPart ?? '').split('&').filter(Boolean).map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, undefined] : [kv.slice(0, i), kv.slice(i + 1)];
    });
    const literals = segments.filter((s) => 'literal' in s).length;
    routes.push({ operation: op, method: op.http.method.toUpperCase(), segments, query, specificity: literals * 10 + query.length });
  }
  return routes.sort((a, b) => b.specificity - a.specificity);
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    if ('literal' in seg) {
      if (i >= parts.length || decodeSegment(parts[i]) !== seg.literal) return undefined;
      i++;
    } else if (seg.greedy) {
      const remaining = segments.length - s - 1;
      const take = parts.length - i - remaining;
      if (take < 1) return undefined;
      labels[seg.label] = parts.slice(i, i + take).map(decodeSegment).join('/');
      i += take;
    } else {
      if (i >= parts.length || parts[i] === '') return undefined;
      labels[seg.label] = decodeSegment(parts[i]);
      i++;
    }
  }
  return i === parts.length ? labels : undefined;
}

/** The operation a request addresses, or undefined (the caller answers UnknownOperationException). */
export function matchRoute(
  routes: Route[], method: string, rawPath: string, query: Map<string, string[]>,
): RouteMatch | undefined {
  const trimmed = rawPath.replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = trimmed === '' ? [] : trimmed.split('/');
  const m = method.toUpperCase();
  for (const r of routes) {
    if (r.method !== m) continue;
    if (!r.query.every(([k, v]) => query.has(k) && (v === undefined || query.get(k)!.includes(v)))) continue;
    const labels = matchSegments(r.segments, parts);
    if (labels) return { operation: r.operation, labels };
  }
  return undefined;
}

/** Parses a raw query string (`a=1&b=x%20y&b=z`) into decoded values per key, in order. */
export function parseQuery(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!raw) return out;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const i = pair.indexOf('=');
    const k = decodeQueryComponent(i < 0 ? pair : pair.slice(0, i));
    const v = i < 0 ? '' : decodeQueryComponent(pair.slice(i + 1));
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** Form-style decoding: `+` is a space, bad escapes stay as they are. */
export function decodeQueryComponent(s: string): string {
  const t = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(t);
  } catch {
    return t.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}
