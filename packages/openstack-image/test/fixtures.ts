// Fixtures written for these tests, shaped like the Glance v2 api-ref describes.
import { createHash } from 'node:crypto';

export const GLANCE = 'https://image.regionone.mock.test/v2';
export const IMAGE_ID = '6c0a4d2e-1f3b-4a5c-9d8e-7f6a5b4c3d2e';
export const IMAGE_ID_2 = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
export const OWNER = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const digest = (algo: string, data: Buffer | string) => createHash(algo).update(data).digest('hex');

/** A wire image; `over` replaces or adds fields. */
export function wireImage(over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (over.id as string | undefined) ?? IMAGE_ID;
  return {
    id,
    name: 'tiny-linux',
    status: 'active',
    visibility: 'shared',
    protected: false,
    os_hidden: false,
    owner: OWNER,
    size: 5,
    virtual_size: null,
    checksum: digest('md5', 'hello'),
    os_hash_algo: 'sha512',
    os_hash_value: digest('sha512', 'hello'),
    disk_format: 'raw',
    container_format: 'bare',
    min_disk: 1,
    min_ram: 64,
    tags: ['ready'],
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:05:00Z',
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
    os_distro: 'alpine',
    ...over,
  };
}
