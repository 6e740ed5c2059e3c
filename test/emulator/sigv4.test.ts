import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/emulator/errors';
import {
  canonicalQuery, canonicalRequest, checkAuthorization, normalizePath, parseAuthorization, type SignedRequest,
} from '../../src/emulator/sigv4';
import { verifySigV4 } from '../support/sigv4';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const secretOf = (id: string) => (id === 'AKIDEXAMPLE' ? SECRET : undefined);
/** The moment the suite's requests were signed (20150830T123600Z). */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SUITE_NOW = Date.UTC(2015, 7, 30, 12, 36, 0);

/** A request of the AWS SigV4 test suite (example.amazonaws.com, 20150830T123600Z, service "service"). */
function suiteRequest(method: string, path: string, query: string, signature: string): SignedRequest & { body: Buffer } {
  return {
    method, rawPath: path, rawQuery: query, body: Buffer.alloc(0),
    headers: {
      host: ['example.amazonaws.com'],
      'x-amz-date': ['20150830T123600Z'],
      authorization: [`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`],
    },
  };
}

function thrown(f: () => unknown): ServiceError {
  try {
    f();
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('verifySigV4 on the published AWS test suite vectors', () => {
  it('get-vanilla', () => {
    const req = suiteRequest('GET', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    expect(verifySigV4(req, secretOf, 'service', SUITE_NOW)).toEqual({ accessKeyId: 'AKIDEXAMPLE', region: 'us-east-1' });
    expect(canonicalRequest(req, ['host', 'x-amz-date'], EMPTY_SHA256)).toBe('GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n'
      + 'host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('post-vanilla', () => {
    const req = suiteRequest('POST', '/', '', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b');
    expect(verifySigV4(req, secretOf, 'service', SUITE_NOW).region).toBe('us-east-1');
  });

  it('get-vanilla-query-order-key-case', () => {
    const req = suiteRequest('GET', '/', 'Param2=value2&Param1=value1', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
    expect(verifySigV4(req, secretOf, 'service', SUITE_NOW).accessKeyId).toBe('AKIDEXAMPLE');
  });

  it('rejects the vector with one byte of the signature changed', () => {
    const req = suiteRequest('GET', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf30');
    const e = thrown(() => verifySigV4(req, secretOf, 'service', SUITE_NOW));
    expect(e.code).toBe('InvalidSignatureException');
    expect(e.status).toBe(403);
    expect(e.message).toBe('The request signature we calculated does not match the signature you provided. Check your AWS '
      + 'Secret Access Key and signing method. Consult the service documentation for details.\n\n'
      + "The Canonical String for this request should have been\n'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
      + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\n"
      + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
      + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63'\n");
  });
});

describe('canonical request pieces', () => {
  it('encodes the already-encoded wire path once more (non-S3 rule)', () => {
    const arn = 'arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Amembership%2Fm%2Ftrained-model-inference-job%2Fj';
    const req: SignedRequest = {
      method: 'get', rawPath: `/memberships/m/trained-model-inference-jobs/${arn}`, rawQuery: '',
      headers: { host: ['h'], 'x-amz-date': ['20260101T000000Z'], 'content-type': ['  application/json   x  '] },
    };
    // The payload hash is the body's ('{}').
    expect(canonicalRequest(req, ['content-type', 'host', 'x-amz-date'], '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')).toBe('GET\n'
      + '/memberships/m/trained-model-inference-jobs/arn%253Aaws%253Acleanrooms-ml%253Aus-east-1%253A123456789012%253Amembership%252Fm%252Ftrained-model-inference-job%252Fj\n'
      + '\ncontent-type:application/json x\nhost:h\nx-amz-date:20260101T000000Z\n\ncontent-type;host;x-amz-date\n'
      + '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('uses x-amz-content-sha256 as the payload hash when present', () => {
    const req: SignedRequest = {
      method: 'POST', rawPath: '/', rawQuery: '',
      headers: { host: ['h'], 'x-amz-content-sha256': ['UNSIGNED-PAYLOAD'] },
    };
    expect(canonicalRequest(req, ['host'], EMPTY_SHA256).split('\n').pop()).toBe('UNSIGNED-PAYLOAD');
  });

  it('sorts the query by encoded key then value and re-encodes it per RFC 3986', () => {
    expect(canonicalQuery('b=2&a=z&a=y&c&tagKeys=a%20c&tagKeys=%C3%A4%2A&x=a+b&e=%7E!')).toBe(
      'a=y&a=z&b=2&c=&e=~%21&tagKeys=%C3%A4%2A&tagKeys=a%20c&x=a%20b');
  });

  it('normalises dot segments and repeated slashes', () => {
    expect(normalizePath('/a//b/./c/../d/')).toBe('/a/b/d/');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
  });

  it('parses the Authorization header', () => {
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=AK/20260101/eu-west-1/cleanrooms-ml/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc'))
      .toEqual({ algorithm: 'AWS4-HMAC-SHA256', accessKeyId: 'AK', date: '20260101', region: 'eu-west-1', service: 'cleanrooms-ml',
        terminator: 'aws4_request', signedHeaders: ['host', 'x-amz-date'], signature: 'abc' });
  });
});

describe('authentication errors', () => {
  const base = suiteRequest('GET', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');

  it('no Authorization header', () => {
    const e = thrown(() => verifySigV4({ ...base, headers: { host: ['h'] } }, secretOf, 'service', SUITE_NOW));
    expect([e.code, e.status, e.message]).toEqual(['MissingAuthenticationTokenException', 403, 'Missing Authentication Token']);
  });

  it('an unknown access key', () => {
    const e = thrown(() => verifySigV4(base, () => undefined, 'service', SUITE_NOW));
    expect([e.code, e.status, e.message]).toEqual(['UnrecognizedClientException', 403, 'The security token included in the request is invalid.']);
  });

  it('an incomplete header', () => {
    const e = thrown(() => verifySigV4({ ...base, headers: { ...base.headers, authorization: ['AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request'] } }, secretOf, 'service', SUITE_NOW));
    expect(e.code).toBe('IncompleteSignatureException');
    expect(e.message).toBe("Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
      + 'Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request');
  });

  it('a scope date that is not the x-amz-date day', () => {
    const e = thrown(() => verifySigV4({ ...base, headers: { ...base.headers, 'x-amz-date': ['20150831T000000Z'] } }, secretOf, 'service', SUITE_NOW));
    expect(e.code).toBe('InvalidSignatureException');
    expect(e.message).toBe("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from '20150831T000000Z'.");
  });

  it('host not signed', () => {
    const auth = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=x-amz-date, Signature=00';
    const e = thrown(() => verifySigV4({ ...base, headers: { ...base.headers, authorization: [auth] } }, secretOf, 'service', SUITE_NOW));
    expect(e.message).toBe("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  });
});

describe('the signature\'s age (±15 minutes of now)', () => {
  const req = suiteRequest('GET', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  const MIN = 60_000;

  it('accepts a signature up to 15 minutes old or ahead', () => {
    expect(verifySigV4(req, secretOf, 'service', SUITE_NOW + 15 * MIN).accessKeyId).toBe('AKIDEXAMPLE');
    expect(verifySigV4(req, secretOf, 'service', SUITE_NOW - 15 * MIN).accessKeyId).toBe('AKIDEXAMPLE');
  });

  it('refuses one older, in the service\'s words', () => {
    const e = thrown(() => verifySigV4(req, secretOf, 'service', SUITE_NOW + 15 * MIN + 1000));
    expect([e.code, e.status, e.message]).toEqual(['InvalidSignatureException', 403,
      'Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)']);
    const dayOld = thrown(() => verifySigV4(req, secretOf, 'service', SUITE_NOW + 24 * 60 * MIN));
    expect(dayOld.message).toBe('Signature expired: 20150830T123600Z is now earlier than 20150831T122100Z (20150831T123600Z - 15 min.)');
  });

  it('refuses one from the future', () => {
    const e = thrown(() => verifySigV4(req, secretOf, 'service', SUITE_NOW - 24 * 60 * MIN));
    expect([e.code, e.status, e.message]).toEqual(['InvalidSignatureException', 403,
      'Signature not yet current: 20150830T123600Z is still later than 20150829T125100Z (20150829T123600Z + 15 min.)']);
  });

  it('checks the age from the headers alone, before the body and the signature', () => {
    const e = thrown(() => checkAuthorization(req.headers, secretOf, 'service', SUITE_NOW + 16 * MIN));
    expect(e.message).toMatch(/^Signature expired: /);
    // A wrong signature is not looked at by the header checks.
    expect(checkAuthorization({ ...req.headers, authorization: [req.headers.authorization![0].replace(/.$/, '0')] },
      secretOf, 'service', SUITE_NOW).accessKeyId).toBe('AKIDEXAMPLE');
  });
});

describe('signed header names named like JavaScript built-ins', () => {
  it('are headers like any other (absent ones are empty), never properties of the headers object', () => {
    const req = suiteRequest('GET', '/', '', '00'.repeat(32));
    const auth = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, '
      + 'SignedHeaders=__proto__;constructor;host;tostring;x-amz-date, Signature=' + '00'.repeat(32);
    const e = thrown(() => verifySigV4({ ...req, headers: { ...req.headers, authorization: [auth] } }, secretOf, 'service', SUITE_NOW));
    expect(e.code).toBe('InvalidSignatureException');
    expect(e.message).toContain("'GET\n/\n\n__proto__:\nconstructor:\nhost:example.amazonaws.com\ntostring:\nx-amz-date:20150830T123600Z\n");
  });
});
