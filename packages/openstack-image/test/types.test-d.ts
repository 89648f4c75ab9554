/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  createImageClient,
  type GlanceImage,
  type ImageClient,
  importImage,
  listGlanceImages,
  updateGlanceImage,
  updateImageMemberStatus,
  uploadImageData,
  waitForGlanceImageStatus,
} from '../src/index.js';

declare const session: Session;
const glance: ImageClient = createImageClient(session, { serviceName: 'glance' });

export async function checks(id: string): Promise<void> {
  const images: PagedIterable<GlanceImage> = listGlanceImages(glance, { status: ['active'], tag: 'x' });
  void images;
  // @ts-expect-error status values are Glance's lower-case statuses
  listGlanceImages(glance, { status: 'ACTIVE' });
  // @ts-expect-error the comparison operators are gt, gte, eq, neq, lt, lte
  listGlanceImages(glance, { createdAt: { op: 'after', value: new Date() } });
  await updateGlanceImage(glance, id, { properties: { os_distro: 'debian' }, removeProperties: ['x'] });
  await updateGlanceImage(glance, id, [{ op: 'remove', path: '/x' }]);
  // @ts-expect-error add needs a value
  await updateGlanceImage(glance, id, [{ op: 'add', path: '/x' }]);
  // @ts-expect-error properties are strings
  await updateGlanceImage(glance, id, { properties: { n: 1 } });
  // @ts-expect-error a string is not an upload body
  await uploadImageData(glance, id, 'text');
  // @ts-expect-error the method is required
  await importImage(glance, id, {});
  // @ts-expect-error member statuses are pending, accepted, rejected
  await updateImageMemberStatus(glance, id, 'p', 'ok');
  await waitForGlanceImageStatus(glance, id, ['active', 'deactivated'], { failOn: ['killed'] });
}
