#!/usr/bin/env node
'use strict';
// For `npm run bench`: the least a Node.js process pays to send the start request, with no CLI at
// all: load node:http and node:crypto, make one HMAC-SHA256 (as a signature needs), POST a JSON body
// to the endpoint given as the argument and read the answer. Its ratio to a bare `node -e ''` puts
// the CLI's own ratio in context: on a machine where it is over 1.5x, so is any Node.js client.
const http = require('node:http');
const { createHmac } = require('node:crypto');

const url = new URL(process.argv[2]);
const name = process.argv[3];
const signature = createHmac('sha256', 'key').update(name).digest('hex');
const M = '11111111-2222-3333-4444-555555555555';
const arn = (k, id) => `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/${k}/${id}`;
const body = JSON.stringify({
  trainedModelArn: arn('trained-model', 'tm-1'), name,
  resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: 1 },
  outputConfiguration: { members: [{ accountId: '123456789012' }] },
  dataSource: { mlInputChannelArn: arn('ml-input-channel', 'ch-1') },
});
const req = http.request({
  host: url.hostname, port: url.port, method: 'POST', path: `/memberships/${M}/trained-model-inference-jobs`,
  headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-signature': signature },
}, (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (d) => { text += d; });
  res.on('end', () => {
    if (res.statusCode !== 200) {
      process.stderr.write(`${res.statusCode}: ${text}\n`);
      process.exitCode = 1;
    }
  });
});
req.on('error', (e) => { process.stderr.write(`${e.message}\n`); process.exitCode = 1; });
req.end(body);
