#!/usr/bin/env node
// For `npm run bench`: a loopback endpoint that lists 10,000 jobs, `maxResults` (100) per page.
// Prints `listening on http://127.0.0.1:PORT` when ready.
import { createServer } from 'node:http';

const M = '90000000-0000-4000-8000-000000000000';
const job = (i) => ({
  trainedModelInferenceJobArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/job-${i}`,
  configuredModelAlgorithmAssociationArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/configured-model-algorithm-association/cmaa-${i}`,
  membershipIdentifier: M, trainedModelArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model/tm-${i}`,
  collaborationIdentifier: 'c0ffee00-0000-4000-8000-000000000000', status: 'ACTIVE',
  outputConfiguration: { accept: 'text/csv', members: [{ accountId: '123456789012' }] },
  name: `job-${String(i).padStart(5, '0')}`, createTime: '2026-11-20T05:00:00.123Z', updateTime: '2026-11-27T06:30:00Z',
});
const server = createServer((req, res) => {
  const q = new URL(req.url, 'http://x').searchParams;
  const start = Number(q.get('nextToken') ?? 0);
  const size = Number(q.get('maxResults') ?? 100);
  const body = { trainedModelInferenceJobs: Array.from({ length: Math.max(0, Math.min(size, 10000 - start)) }, (_, k) => job(start + k)) };
  if (start + size < 10000) body.nextToken = String(start + size);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
