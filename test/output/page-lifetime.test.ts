// The formatters of a paginated call hold no page once they have read it: while the next page is
// fetched, the last one (its dict and its items) is unreachable, whatever the format. (A full
// collection is made where the next page is asked for; WeakRefs tell what it left.)
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/commands/paginate';
import type { Invocation } from '../../src/commands/invocation';
import { memoryIO } from '../support/io';
import { MODEL } from '../../src/model';
import type { OutputFormat } from '../../src/output/index';
import type { PyDict, PyValue } from '../../src/py/values';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('no page is held while the next is fetched', () => {
  it.each(['text', 'json', 'table', 'yaml-stream', 'off'] as const)('%s', async (format: OutputFormat) => {
    const pages: WeakRef<object>[] = [];
    const alive: number[] = [];
    const io = memoryIO();
    await paginate({
      inv: { io, operation: { name: 'ListTrainedModelInferenceJobs' }, globals: { color: 'off' } } as unknown as Invocation,
      params: new Map([['membershipIdentifier', 'm']]),
      pagination: {},
      paginator: MODEL.paginators.ListTrainedModelInferenceJobs,
      send: async (kwargs) => {
        // A new task (what was kept for the last one is let go), then a full collection.
        await new Promise((resolve) => setImmediate(resolve));
        gc();
        alive.push(pages.filter((p) => p.deref() !== undefined).length);
        const n = Number(kwargs.get('nextToken') ?? 0);
        const items = Array.from({ length: 50 }, (_, i) => new Map<string, PyValue>([['name', `job-${n + i}`], ['status', 'ACTIVE'],
          ['outputConfiguration', new Map<string, PyValue>([['accept', 'text/csv']])]]));
        const page: PyDict = new Map<string, PyValue>([['trainedModelInferenceJobs', items]]);
        if (n < 400) page.set('nextToken', String(n + 50));
        pages.push(new WeakRef(page), new WeakRef(items), new WeakRef(items[0]));
        return page;
      },
      shape: (v) => v,
      format: () => format,
      renderOptions: { title: 'ListTrainedModelInferenceJobs', color: 'off', io },
      resultIsList: () => true,
    });
    expect(alive.length).toBe(9);
    expect(alive).toEqual(alive.map(() => 0));
    expect(io.out().length).toBeGreaterThan(format === 'off' ? -1 : 1000);
  });
});
