// The client settings the call checks when botocore would create its client: --cli-connect-timeout and
// --cli-read-timeout as urllib3's Timeout checks them (the AWS CLI's texts, recorded with it: arg-x-33,
// arg-x-54 and their variants), after the other client settings and before the parameters are validated.
// And the output's way to a pager: a coloured table without colorama's autoreset codes; and the
// connection pool at the end of a call, closed unless the process ends with the command.
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { memoryIO } from '../support/io';

/** A call's environment: a region, keys, and no config files. */
const ENV = { AWS_DEFAULT_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', HOME: '/nonexistent' };

async function run(args: string[], env: Record<string, string> = {}): Promise<{ rc: number; err: string }> {
  const io = memoryIO({ ...ENV, ...env });
  // Port 9 (discard) on loopback: nothing is sent when the settings are refused.
  const rc = await cli(['cleanroomsml', 'list-training-datasets', '--endpoint-url', 'http://127.0.0.1:9', ...args], io);
  return { rc, err: io.err() };
}
const refused = (name: string, value: string) =>
  `\naws: [ERROR]: Attempted to set ${name} timeout to ${value}, but the timeout cannot be set to a value less than or equal to 0.\n`;

describe('timeouts', () => {
  it('refuses a negative timeout (0 is none), the connect timeout first, the value as int() reads it', async () => {
    expect(await run(['--cli-read-timeout', '-1'])).toEqual({ rc: 255, err: refused('read', '-1') });
    expect(await run(['--cli-read-timeout', '-1', '--cli-connect-timeout', '-5'])).toEqual({ rc: 255, err: refused('connect', '-5') });
    expect(await run(['--cli-connect-timeout', ' -3 '])).toEqual({ rc: 255, err: refused('connect', '-3') });
    expect(await run(['--cli-read-timeout', `-${'9'.repeat(30)}`])).toEqual({ rc: 255, err: refused('read', `-${'9'.repeat(30)}`) });
  });

  it('fails as float() does on an int beyond a double, before the sign is looked at', async () => {
    const err = '\naws: [ERROR]: int too large to convert to float\n';
    expect(await run(['--cli-read-timeout', '9'.repeat(400)])).toEqual({ rc: 255, err });
    expect(await run(['--cli-connect-timeout', '9'.repeat(400), '--cli-read-timeout', '-1'])).toEqual({ rc: 255, err });
  });

  it('checks them after the other client settings, before the parameters', async () => {
    expect((await run(['--cli-read-timeout', '-1'], { AWS_MAX_ATTEMPTS: '0' })).err)
      .toBe('\naws: [ERROR]: Value provided to "max_attempts": 0 must be an integer greater than or equal to one.\n');
    expect((await run(['--cli-read-timeout', '-1', '--max-results', '0'])).err).toBe(refused('read', '-1'));
    expect((await run(['--cli-read-timeout', '-1', '--generate-cli-skeleton', 'output'])).err).toBe(refused('read', '-1'));
  });
});

describe('a coloured table through the pager', () => {
  it('has no autoreset codes (colorama wraps sys.stdout, not the pager\'s input); on the terminal itself it has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-pager-'));
    // Two pages of training datasets.
    const server = createServer((req, res) => {
      const second = (req.url ?? '').includes('nextToken=');
      const names = second ? ['ds-2'] : ['ds-0', 'ds-1'];
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ trainingDatasets: names.map((name) => ({ name, status: 'ACTIVE' })), ...(!second && { nextToken: 't' }) }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pager = join(dir, 'pager.sh');
      writeFileSync(pager, '#!/bin/sh\ncat > "$0.input"\n');
      chmodSync(pager, 0o755);
      const table = async (env: Record<string, string>, args = ['--generate-cli-skeleton', 'output']) => {
        const io = memoryIO({ ...ENV, PATH: process.env.PATH ?? '', ...env });
        io.stdout.isTTY = true;
        io.stdout.columns = 80;
        const rc = await cli(['cleanroomsml', 'list-training-datasets', '--endpoint-url', endpoint,
          ...args, '--output', 'table', '--color', 'on'], io);
        expect(rc).toBe(0);
        return io.out();
      };
      const direct = await table({ AWS_PAGER: '' });
      // On the terminal only colorama's reset at exit (T2); the table went to the pager.
      expect(await table({ AWS_PAGER: pager })).toBe('\x1b[0m');
      const paged = readFileSync(`${pager}.input`, 'utf8');
      // Every write to the terminal is followed by a reset; the pager gets the table without them (the
      // styles' own resets, after each cell and bar, stay).
      expect(direct).toContain('\x1b[0m\x1b[0m');
      expect(paged).not.toContain('\x1b[0m\x1b[0m');
      expect(paged).toContain('\x1b[1m\x1b[34m');
      expect(paged.replace(/\x1b\[0m/g, '')).toBe(direct.replace(/\x1b\[0m/g, ''));
      // The pages of a list, merged into one table, likewise.
      const list = ['--max-items', '5'];
      const listed = await table({ AWS_PAGER: '' }, list);
      expect(listed).toContain('\x1b[0m\x1b[0m');
      expect(listed).toContain('ds-2');
      expect(await table({ AWS_PAGER: pager }, list)).toBe('\x1b[0m');
      const pagedList = readFileSync(`${pager}.input`, 'utf8');
      expect(pagedList).not.toContain('\x1b[0m\x1b[0m');
      expect(pagedList.replace(/\x1b\[0m/g, '')).toBe(listed.replace(/\x1b\[0m/g, ''));
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the connection pool at the end of a call', () => {
  /**
   * Runs one list call against a local server. Where the call closes its connection, resolves once
   * the server saw it close; else once a second request, on a connection of its own, has had its
   * answer (by then the server has read anything the first connection had sent, a close included).
   */
  async function connectionAfterCall(endsProcess: boolean): Promise<'closed' | 'open'> {
    let closed = false;
    let sawClose!: () => void;
    const closedNow = new Promise<void>((r) => { sawClose = r; });
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"trainingDatasets": []}');
    });
    let first = true;
    server.on('connection', (socket) => {
      if (!first) return;
      first = false;
      socket.on('close', () => { closed = true; sawClose(); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const io = { ...memoryIO(ENV), endsProcess };
      expect(await cli(['cleanroomsml', 'list-training-datasets', '--endpoint-url', url], io)).toBe(0);
      if (!endsProcess) {
        await closedNow;
      } else {
        await new Promise<void>((resolve, reject) => {
          get(url, { agent: false }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
        });
      }
      return closed ? 'closed' : 'open';
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }

  it('is closed where the command does not end the process (tests, inner runs)', async () => {
    expect(await connectionAfterCall(false)).toBe('closed');
  });

  it('is left for the process\'s end where it ends with the command (bin/aws: io.endsProcess)', async () => {
    expect(await connectionAfterCall(true)).toBe('open');
  });
});
