// A paginated call as the AWS CLI makes it: botocore's PageIterator (client/paginator.ts) over the
// operation, consumed by the output format's formatter (output/formatter.ts), as awscli's clidriver
// hands `paginator.paginate(**parameters)` to the formatter. Nothing here knows a format.
import type { Invocation } from './invocation';
import { RC } from '../errors';
import type { Paginator } from '../model/types';
import type { PyDict, PyValue } from '../py/values';
import type { PaginationConfig } from '../params/build';
import { renderBuffered, type OutputFormat, type RenderOptions } from '../output/index';
import { pageFormatter } from '../output/formatter';
import { PageIterator } from '../client/paginator';

export interface PaginateOptions {
  inv: Invocation;
  params: PyDict;
  pagination: PaginationConfig;
  paginator: Paginator;
  send: (params: PyDict) => Promise<PyValue>;
  shape: (body: PyValue) => PyValue;
  query?: (v: PyValue) => PyValue;
  format: () => OutputFormat;
  /** What a page or the merged result is rendered with, as a single response is (title, colour, autoreset codes). */
  renderOptions: RenderOptions;
  /** Whether a result key holds a list in the output shape (json and table then merge the pages item by item). */
  resultIsList?: (key: string) => boolean;
}

export async function paginate(o: PaginateOptions): Promise<number> {
  const { inv } = o;
  const formatter = pageFormatter(o.format(), {
    out: inv.io.stdout,
    query: o.query,
    render: (fmt, v) => renderBuffered(fmt, v, o.renderOptions),
    resultIsList: o.resultIsList,
    table: () => o.renderOptions,
  });
  const { MaxItems, PageSize, StartingToken } = o.pagination;
  const pages = new PageIterator({
    paginator: o.paginator,
    method: async (kwargs) => o.shape(await o.send(kwargs)),
    params: o.params,
    maxItems: MaxItems === undefined ? undefined : Number(MaxItems),
    pageSize: PageSize,
    startingToken: StartingToken,
  });
  await formatter.format(pages);
  return RC.OK;
}
