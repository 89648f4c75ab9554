/**
 * The neutral conformance checks of `@cloud/providers/conformance` against a local moto server
 * (S3 and EC2). Skipped without CLOUD_MOTO_ENDPOINT; `bash tooling/emulators/with-emulators.sh`
 * (part of the root `test:integration`) starts moto and sets it.
 */
import { randomBytes } from 'node:crypto';
import { computeChecks, describeCheck, storageChecks } from '@cloud/providers/conformance';
import { describe, it } from '@jest/globals';
import { amazonCompute } from '../../src/compute/index.js';
import { amazonStorage } from '../../src/storage/index.js';

const endpoint = process.env.CLOUD_MOTO_ENDPOINT;
const describeMoto = endpoint ? describe : describe.skip;
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
let serial = 0;
const connection = {
  region: 'us-east-1',
  endpoint,
  credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' },
};

describeMoto('amazon storage conformance (moto)', () => {
  const target = {
    storage: () => amazonStorage({ ...connection, forcePathStyle: true }),
    containerName: () => `conf-${run}-${++serial}`,
    largeUploadBytes: 12 * 1024 * 1024 + 5,
  };
  for (const check of storageChecks) {
    // A check the target's capabilities rule out is not a gap here (its refusal is checked instead),
    // and a skipped integration test fails CI: it is not registered at all.
    const { name, skip } = describeCheck(check, target);
    if (!skip) it(name, () => check.run(target));
  }
});

describeMoto('amazon compute conformance (moto)', () => {
  const target = {
    compute: () => amazonCompute({ ...connection, imageOwners: ['amazon'] }),
    flavor: 't2.micro',
    image: 'ami-12c6146b',
    missing: { server: 'i-0123456789abcdef0', flavor: 'x9.nonexistent', image: 'ami-00000000' },
    wait: { minDelayMs: 50, maxDelayMs: 200, timeoutMs: 30_000 },
    serverName: () => `conf-${run}-${++serial}`,
  };
  for (const check of computeChecks) it(check.name, () => check.run(target));
});
