import { createHash } from 'node:crypto';
import { checkAuthorization, checkPayloadHash, checkSignature, type SecretLookup, type SignedRequest } from '../../src/emulator/sigv4';

/** Headers, signature and payload of a whole request, checked in the emulator's order. */
export function verifySigV4(req: SignedRequest & { body: Buffer }, secrets: SecretLookup, service: string, now: number = Date.now()) {
  const a = checkAuthorization(req.headers, secrets, service, now);
  const hash = createHash('sha256').update(req.body).digest('hex');
  checkSignature(req, a, hash);
  checkPayloadHash(req, hash);
  return { accessKeyId: a.accessKeyId, region: a.region };
}
