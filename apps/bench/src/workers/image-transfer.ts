/**
 * @cloud/openstack-image (built) moving one image's data: `uploadImageDataFromFile` or
 * `downloadImageToFile`, the public functions a user calls, with their default verification.
 * Authenticates from the `OS_*` variables and resolves the endpoint before the clock starts.
 */
import { createSession } from '@cloud/core';
import { createImageClient, downloadImageToFile, uploadImageDataFromFile } from '@cloud/openstack-image';
import { cpuMeter, emit, job, main } from './common.ts';

interface Job {
  op: 'upload' | 'download';
  imageId: string;
  /** Upload source or download destination. */
  file: string;
  /** Hash checks against os_hash_value (the SDK's default is on). */
  verify?: boolean;
}

main(async () => {
  const j = job<Job>();
  const session = createSession({ region: process.env.OS_REGION_NAME });
  const glance = createImageClient(session);
  await session.authenticate();
  await glance.endpoint();
  const verify = j.verify ?? true;
  const started = performance.now();
  const cpu = cpuMeter();
  const bytes =
    j.op === 'upload'
      ? (await uploadImageDataFromFile(glance, j.imageId, j.file, { verify })).bytes
      : (await downloadImageToFile(glance, j.imageId, j.file, { verify })).bytes;
  emit({ bytes, ms: performance.now() - started, cpuMs: cpu() });
});
