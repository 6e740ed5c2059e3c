// Pagination as botocore's PageIterator does it and the AWS CLI's json and text formatters print it:
// random --max-items / --page-size / --starting-token (broken tokens and a repeating service too),
// frozen in fixtures/paginate-cases.json (fixtures/gen-paginate-cases.py regenerates them): the same
// output, the same requests, the same error text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/commands/paginate';
import type { Invocation } from '../../src/commands/invocation';
import { memoryIO } from '../support/io';
import { MODEL } from '../../src/model';
import type { PyDict, PyValue } from '../../src/py/values';
import type { OutputFormat } from '../../src/output/index';
import type { PaginationConfig } from '../../src/params/build';

interface Case {
  names: string[]; size: number; pagination: PaginationConfig; format: OutputFormat; repeat: boolean;
  out: string; requests: Record<string, unknown>[]; error?: string;
}
const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'paginate-cases.json'), 'utf8')) as Case[];

/** The generator's fake service: jobs a.. with numeric next tokens, or one that repeats its token. */
function service(c: Case) {
  return (kwargs: PyDict): PyDict => {
    const job = (name: string) => new Map<string, PyValue>([['name', name], ['status', 'ACTIVE']]);
    if (c.repeat) return new Map<string, PyValue>([['nextToken', 'same'], ['trainedModelInferenceJobs', [job('r')]]]);
    const token = kwargs.get('nextToken');
    const start = token === undefined ? 0 : typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : 99;
    const n = kwargs.has('maxResults') ? Number(kwargs.get('maxResults')) : c.size;
    const page: PyDict = new Map();
    if (start + n < c.names.length) page.set('nextToken', String(start + n));
    page.set('trainedModelInferenceJobs', c.names.slice(start, start + n).map(job));
    return page;
  };
}

describe('pagination as botocore and the AWS CLI formatters do it', () => {
  it('has errors among the cases', () => {
    expect(cases.filter((c) => c.error).length).toBeGreaterThan(10);
  });
  cases.forEach((c, i) => {
    it(`${i}: ${c.names.length} jobs by ${c.size}, ${JSON.stringify(c.pagination)}, ${c.format}${c.repeat ? ', repeating' : ''}`, async () => {
      const io = memoryIO();
      const requests: Record<string, unknown>[] = [];
      const pages = service(c);
      let error: string | undefined;
      try {
        await paginate({
          inv: { io } as unknown as Invocation,
          params: new Map([['membershipIdentifier', 'm']]),
          pagination: c.pagination,
          paginator: MODEL.paginators.ListTrainedModelInferenceJobs,
          send: async (kwargs) => {
            requests.push(Object.fromEntries(kwargs));
            return pages(kwargs);
          },
          shape: (v) => v,
          format: () => c.format,
          renderOptions: { title: 'ListTrainedModelInferenceJobs', color: 'off', io },
          resultIsList: () => true,
        });
      } catch (e) {
        error = (e as Error).message;
      }
      expect(error).toBe(c.error);
      expect(io.out()).toBe(c.out);
      expect(requests).toEqual(c.requests);
    });
  });
});
