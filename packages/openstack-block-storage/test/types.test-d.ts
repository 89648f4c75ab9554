/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  type BlockStorageClient,
  type CreateVolumeParams,
  createBlockStorageClient,
  createVolume,
  extendVolume,
  listVolumes,
  listVolumesDetail,
  retypeVolume,
  type Volume,
  type VolumeSummary,
  waitForVolumeStatus,
} from '../src/index.js';

declare const session: Session;
const volumes: BlockStorageClient = createBlockStorageClient(session, {
  microversion: '3.59',
  negotiate: true,
});

export async function checks(): Promise<void> {
  const summaries: PagedIterable<VolumeSummary> = listVolumes(volumes);
  const details: PagedIterable<Volume> = listVolumesDetail(volumes, { sortDir: 'asc' });
  void summaries;
  void details;
  const p: CreateVolumeParams = { size: 1, volumeType: 'fast' };
  await createVolume(volumes, p, { microversion: '3.47', timeoutMs: 1000 });
  // @ts-expect-error sizes are numbers
  await createVolume(volumes, { size: '1' });
  // @ts-expect-error the migration policy is never or on-demand
  await retypeVolume(volumes, 'id', { volumeType: 'x', migrationPolicy: 'always' });
  // @ts-expect-error extend takes the new size
  await extendVolume(volumes, 'id');
  // statuses outside the known list are allowed (clouds add their own)
  const v: Volume = await waitForVolumeStatus(volumes, 'id', ['available', 'maintenance-x']);
  // @ts-expect-error a summary has no size
  void (null as unknown as VolumeSummary).size;
  void v.size;
}
