// --cli-auto-prompt on a real terminal: bin/aws runs in a tmux pane (a pseudo-terminal); the test
// types a partial command, completes it with Tab/Enter, accepts it, and checks the request that
// reached a loopback endpoint. Skipped when tmux is not installed (Debian: apt-get install tmux; .ci/run
// installs it). dist/ is built by npm test, and by the tests' global setup when missing or stale.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const MEMBERSHIP = '11111111-2222-3333-4444-555555555555';
const MODEL_ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model/tm-1`;
const CHANNEL_ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/ml-input-channel/ch-1`;
const JOB_ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/job-1`;

describe.skipIf(!hasTmux)('--cli-auto-prompt in a pseudo-terminal', () => {
  const socket = `aws-prompt-test-${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'aws-prompt-pty-'));
  const seen: Seen[] = [];
  let server: Server;
  let endpoint = '';

  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (name: string) => tmux('capture-pane', '-p', '-J', '-t', name).replace(/ +$/gm, '');
  const keys = (name: string, ...k: string[]) => tmux('send-keys', '-t', name, ...k);
  const text = (name: string, s: string) => tmux('send-keys', '-t', name, '-l', '--', s);

  async function until(what: string, check: () => boolean, ms = 15000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Starts `aws <args>` in a new tmux window; its exit code goes to <dir>/<name>.rc. */
  function start(name: string, args: string): string {
    const rcFile = join(dir, `${name}.rc`);
    const env = [
      `HOME=${dir}`, 'AWS_ACCESS_KEY_ID=AKIDEXAMPLE', 'AWS_SECRET_ACCESS_KEY=secret', 'AWS_REGION=us-east-1',
      'AWS_PAGER=', 'TERM=xterm',
    ].join(' ');
    const cmd = `cd ${root} && env ${env} ${process.execPath} bin/aws ${args}; echo $? > ${rcFile}; sleep 30`;
    tmux('new-session', '-d', '-s', name, '-x', '220', '-y', '50', cmd);
    return rcFile;
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ trainedModelInferenceJobArn: JOB_ARN }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    await new Promise((r) => server.close(r));
  });

  it('completes a partial start command, runs it, and the request reaches the endpoint', async () => {
    const rcFile = start('start', `--endpoint-url ${endpoint} cleanroomsml start-trained-model-inf --cli-auto-prompt`);
    await until('the prompt', () => screen('start').includes('start-trained-model-inference-job'));
    expect(screen('start').split('\n')[0]).toBe(`> aws --endpoint-url ${endpoint} cleanroomsml start-trained-model-inf`);

    // Tab shows the first completion in the line, Enter takes it; the required options come first.
    keys('start', 'Tab');
    keys('start', 'Enter');
    await until('the options', () => screen('start').includes('--membership-identifier (required)'));
    expect(screen('start')).toContain('--membership-identifier (required)');
    expect(screen('start')).toMatch(/--name \(required\) +\[string\] The name of the trained model inference job\./);

    text('start', `--membership-identifier ${MEMBERSHIP} --na`);
    await until('--name', () => /--na\n --name \(required\)/.test(screen('start')));
    keys('start', 'Tab');
    text('start', ' job1 --resource-config instanceType=ml.g5.12');
    await until('the instance type', () => screen('start').includes(' ml.g5.12xlarge'));
    expect(screen('start')).toContain('--resource-config (structure) [required]: Defines the resource configuration for the trained model inference job.');
    keys('start', 'Tab');
    text('start', `--trained-model-arn ${MODEL_ARN} --output-configuration members=[{accountId=123456789012}] --data-source mlInputChannelArn=${CHANNEL_ARN}`);
    await until('the typed line', () => screen('start').includes(CHANNEL_ARN));
    keys('start', 'Enter');

    await until('the exit code', () => existsSync(rcFile) && readFileSync(rcFile, 'utf8').trim() !== '');
    expect(readFileSync(rcFile, 'utf8').trim()).toBe('0');
    const line = `--endpoint-url ${endpoint} cleanroomsml start-trained-model-inference-job --membership-identifier ${MEMBERSHIP} ` +
      `--name job1 --resource-config instanceType=ml.g5.12xlarge --trained-model-arn ${MODEL_ARN} ` +
      `--output-configuration members=[{accountId=123456789012}] --data-source mlInputChannelArn=${CHANNEL_ARN}`;
    const out = screen('start');
    expect(out).toContain(`> aws ${line}\n{\n    "trainedModelInferenceJobArn": "${JOB_ARN}"\n}\n`);

    expect(seen).toHaveLength(1);
    const req = seen[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/memberships/${MEMBERSHIP}/trained-model-inference-jobs`);
    expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cleanrooms-ml\/aws4_request/);
    expect(JSON.parse(req.body)).toEqual({
      name: 'job1',
      trainedModelArn: MODEL_ARN,
      resourceConfig: { instanceType: 'ml.g5.12xlarge' },
      outputConfiguration: { members: [{ accountId: '123456789012' }] },
      dataSource: { mlInputChannelArn: CHANNEL_ARN },
    });
  }, 60000);

  it('Ctrl-C cancels with exit 130 and the line on stderr, sending nothing', async () => {
    const before = seen.length;
    const rcFile = start('cancel', `--endpoint-url ${endpoint} cleanroomsml list-trai --cli-auto-prompt`);
    await until('the prompt', () => screen('cancel').includes('list-training-datasets'));
    keys('cancel', 'C-c');
    await until('the exit code', () => existsSync(rcFile) && readFileSync(rcFile, 'utf8').trim() !== '');
    expect(readFileSync(rcFile, 'utf8').trim()).toBe('130');
    expect(screen('cancel').split('\n')[0]).toBe(`> aws --endpoint-url ${endpoint} cleanroomsml list-trai`);
    expect(seen.length).toBe(before);
  }, 30000);

  it('Ctrl-D cancels too (the AWS CLI binds both keys to the same interrupt)', async () => {
    const rcFile = start('eof', 'cleanroomsml --cli-auto-prompt');
    // A complete word gets its space: the operations are offered at once.
    await until('the prompt', () => screen('eof').startsWith('> aws cleanroomsml\n cancel-trained-model\n'));
    keys('eof', 'C-d');
    await until('the exit code', () => existsSync(rcFile) && readFileSync(rcFile, 'utf8').trim() !== '');
    expect(readFileSync(rcFile, 'utf8').trim()).toBe('130');
    expect(screen('eof').split('\n')[0]).toBe('> aws cleanroomsml');
  }, 30000);
});
