// The client settings the call checks when botocore would create its client: --cli-connect-timeout and
// --cli-read-timeout as urllib3's Timeout checks them (the AWS CLI's texts, recorded with it: arg-x-33,
// arg-x-54 and their variants), after the other client settings and before the parameters are validated.
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { memoryIO } from '../../src/io';

async function run(args: string[], env: Record<string, string> = {}): Promise<{ rc: number; err: string }> {
  const io = memoryIO({ AWS_DEFAULT_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret',
    HOME: '/nonexistent', ...env });
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
