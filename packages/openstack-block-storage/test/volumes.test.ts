import { toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  countVolumes,
  createVolume,
  deleteVolume,
  deleteVolumeMetadata,
  extendVolume,
  getVolume,
  getVolumeMetadata,
  getVolumeSummary,
  listVolumes,
  listVolumesDetail,
  replaceVolumeMetadata,
  retypeVolume,
  setVolumeBootable,
  setVolumeMetadata,
  setVolumeReadonly,
  updateVolume,
  uploadVolumeToImage,
} from '../src/index.js';
import {
  BASE,
  cinderOf,
  cinderRequests,
  handleTypes,
  handleVolumeStatuses,
  SNAPSHOT_ID,
  sent,
  sentAll,
  TYPE_ID,
  VOLUME_ID,
  volumeFixture,
} from './fixtures/cinder.js';

const cloud = setupMockCloud();
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

/** `GET /volumes[/detail]` paging by marker with volumes_links, like Cinder. */
function handleVolumePages(all: string[], path = 'volumes/detail') {
  return http.get(`${BASE}/${path}`, ({ request }) => {
    const q = new URL(request.url).searchParams;
    const limit = Number(q.get('limit') ?? 1000);
    const start = q.get('marker') ? all.indexOf(q.get('marker')!) + 1 : 0;
    const rows = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return HttpResponse.json({
      volumes: rows.map((id) => volumeFixture({ id })),
      ...(more
        ? {
            volumes_links: [
              {
                rel: 'next',
                href: `http://internal:8776/v3/p/volumes/detail?limit=${limit}&marker=${rows.at(-1)}&status=available`,
              },
            ],
          }
        : {}),
    });
  });
}

describe('listVolumes / listVolumesDetail', () => {
  it('sends filters and sorting as Cinder query parameters', async () => {
    cloud.use(handleVolumePages(ids(1), 'volumes'));
    const got = await toArray(
      listVolumes(cinderOf(cloud), {
        name: 'data',
        status: 'available',
        metadata: { app: 'db' },
        availabilityZone: 'nova',
        bootable: false,
        allProjects: true,
        sortKey: 'created_at',
        sortDir: 'desc',
        limit: 5,
      }),
    );
    expect(got).toEqual([
      { id: ids(1)[0], name: 'data', links: [{ rel: 'self', href: `${BASE}/volumes/${VOLUME_ID}` }] },
    ]);
    expect((await sent(cloud)).query).toEqual({
      name: 'data',
      status: 'available',
      metadata: '{"app":"db"}',
      availability_zone: 'nova',
      bootable: 'false',
      all_tenants: '1',
      sort_key: 'created_at',
      sort_dir: 'desc',
      limit: '5',
    });
  });

  it('follows volumes_links on the client endpoint across pages, and resumes from a continuationToken', async () => {
    const all = ids(5);
    cloud.use(handleVolumePages(all));
    const volumes = cinderOf(cloud);
    const got = await toArray(listVolumesDetail(volumes, { status: 'available', limit: 2 }));
    expect(got.map((v) => v.id)).toEqual(all);
    const reqs = cinderRequests(cloud);
    expect(reqs.every((r) => r.url.host === 'volume.regionone.mock.test')).toBe(true);
    expect(reqs.map((r) => r.url.searchParams.get('marker'))).toEqual([null, all[1], all[3]]);

    const first = await listVolumesDetail(volumes, { limit: 2 }).byPage()[Symbol.asyncIterator]().next();
    const token = first.value?.continuationToken;
    expect(token).toEqual(expect.any(String));
    const rest = [];
    for await (const page of listVolumesDetail(volumes, { limit: 2 }).byPage({ continuationToken: token }))
      rest.push(...page);
    expect(rest.map((v) => v.id)).toEqual(all.slice(2));
  });

  it('parses every documented field and keeps the wire object', async () => {
    cloud.use(
      http.get(`${BASE}/volumes/detail`, () =>
        HttpResponse.json({
          volumes: [
            volumeFixture({
              status: 'in-use',
              bootable: 'true',
              volume_image_metadata: { image_id: 'img-1', min_ram: 0 },
              attachments: [
                {
                  id: VOLUME_ID,
                  attachment_id: 'att-1',
                  server_id: 'srv-1',
                  device: '/dev/vdb',
                  host_name: null,
                  attached_at: '2024-05-01T10:10:00.000000',
                },
              ],
            }),
          ],
        }),
      ),
    );
    const [v] = await toArray(listVolumesDetail(cinderOf(cloud)));
    expect(v).toMatchObject({
      status: 'in-use',
      size: 10,
      bootable: true,
      volumeType: 'lvmdriver-1',
      metadata: { app: 'db' },
      imageMetadata: { image_id: 'img-1', min_ram: '0' },
      attachments: [{ attachmentId: 'att-1', serverId: 'srv-1', device: '/dev/vdb' }],
      projectId: 'p-0123456789',
    });
    expect(v?.createdAt?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(v?.raw.consumes_quota).toBe(true);
  });

  it('rejects sort together with sortKey before any request', () => {
    expect(() => listVolumes(cinderOf(cloud), { sort: 'name:asc', sortKey: 'name' })).toThrow(
      ValidationError,
    );
  });
});

describe('countVolumes', () => {
  it('needs microversion 3.45: fails before any request below it', async () => {
    await expect(countVolumes(cinderOf(cloud, { microversion: '3.44' }))).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'countVolumes',
    });
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('reads count with with_count=true, sending the header', async () => {
    cloud.use(http.get(`${BASE}/volumes`, () => HttpResponse.json({ volumes: [], count: 42 })));
    await expect(countVolumes(cinderOf(cloud), { status: 'error' }, { microversion: '3.45' })).resolves.toBe(
      42,
    );
    const s = await sent(cloud);
    expect(s.query).toEqual({ status: 'error', with_count: 'true', limit: '1' });
    expect(s.version).toBe('volume 3.45');
  });
});

describe('getVolume', () => {
  it('gets a volume and names it in a 404', async () => {
    cloud.use(handleVolumeStatuses([404]));
    await expect(getVolume(cinderOf(cloud), VOLUME_ID)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(`volume "${VOLUME_ID}"`),
    });
  });
});

describe('createVolume', () => {
  const handleCreate = () =>
    http.post(`${BASE}/volumes`, async ({ request }) => {
      const body = (await request.json()) as { volume: Record<string, unknown> };
      return HttpResponse.json(
        { volume: volumeFixture({ status: 'creating', ...body.volume }) },
        { status: 202 },
      );
    });

  it('creates an empty volume with type, zone, metadata, multiattach and hints', async () => {
    cloud.use(handleCreate(), handleTypes());
    const v = await createVolume(cinderOf(cloud), {
      size: 1,
      name: 'data',
      description: 'd',
      availabilityZone: 'nova',
      volumeType: 'lvmdriver-1',
      metadata: { app: 'db' },
      multiattach: true,
      schedulerHints: { different_host: [VOLUME_ID] },
    });
    expect(v.status).toBe('creating');
    const [types, post] = await sentAll(cloud);
    expect(types?.path).toBe('/types');
    expect(post).toMatchObject({ method: 'POST', path: '/volumes' });
    expect(post?.body).toEqual({
      volume: {
        size: 1,
        name: 'data',
        description: 'd',
        availability_zone: 'nova',
        volume_type: 'lvmdriver-1',
        metadata: { app: 'db' },
        multiattach: true,
      },
      'OS-SCH-HNT:scheduler_hints': { different_host: [VOLUME_ID] },
    });
  });

  it.each([
    ['a snapshot', { snapshotId: SNAPSHOT_ID }, { snapshot_id: SNAPSHOT_ID }],
    ['another volume', { sourceVolumeId: VOLUME_ID }, { source_volid: VOLUME_ID }],
    ['an image (bootable)', { imageId: 'img-1', size: 2 }, { imageRef: 'img-1', size: 2 }],
  ])('creates from %s', async (_what, params, wire) => {
    cloud.use(handleCreate());
    await createVolume(cinderOf(cloud), params);
    expect((await sent(cloud)).body).toEqual({ volume: wire });
  });

  it('creates from a backup at 3.47, and refuses backupId below it before any request', async () => {
    await expect(createVolume(cinderOf(cloud), { backupId: 'b-1' })).rejects.toMatchObject({
      field: 'backupId',
    });
    expect(cinderRequests(cloud)).toHaveLength(0);
    cloud.use(handleCreate());
    await createVolume(cinderOf(cloud, { microversion: '3.47' }), { backupId: 'b-1' });
    const s = await sent(cloud);
    expect(s.body).toEqual({ volume: { backup_id: 'b-1' } });
    expect(s.version).toBe('volume 3.47');
  });

  it.each([
    ['size 0', { size: 0 }, 'size'],
    ['size -1', { size: -1 }, 'size'],
    ['size 1.5', { size: 1.5 }, 'size'],
    ['no size and no source', {}, 'size'],
    ['two sources', { snapshotId: 'a', sourceVolumeId: 'b' }, 'sourceVolumeId'],
  ])('rejects %s with a ValidationError before any request', async (_n, params, field) => {
    await expect(createVolume(cinderOf(cloud), params as never)).rejects.toMatchObject({
      name: 'ValidationError',
      field,
    });
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('rejects an unknown volume type name before the create request, listing the known ones', async () => {
    cloud.use(handleTypes(['lvmdriver-1', 'fast']));
    await expect(createVolume(cinderOf(cloud), { size: 1, volumeType: 'gold' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'volumeType',
      message: expect.stringContaining('known: lvmdriver-1, fast'),
    });
    expect((await sentAll(cloud)).map((r) => r.method)).toEqual(['GET']);
  });

  it('sends a volume type id as is, without a lookup', async () => {
    cloud.use(handleCreate());
    await createVolume(cinderOf(cloud), { size: 1, volumeType: TYPE_ID });
    expect((await sent(cloud)).body.volume.volume_type).toBe(TYPE_ID);
  });
});

describe('updateVolume / deleteVolume', () => {
  it('renames', async () => {
    cloud.use(
      http.put(`${BASE}/volumes/${VOLUME_ID}`, () =>
        HttpResponse.json({ volume: volumeFixture({ name: 'new' }) }),
      ),
    );
    const v = await updateVolume(cinderOf(cloud), VOLUME_ID, { name: 'new' });
    expect(v.name).toBe('new');
    expect((await sent(cloud)).body).toEqual({ volume: { name: 'new' } });
  });

  it('refuses an empty update', async () => {
    await expect(updateVolume(cinderOf(cloud), VOLUME_ID, {})).rejects.toBeInstanceOf(ValidationError);
  });

  it('deletes with cascade; force needs 3.23', async () => {
    cloud.use(http.delete(`${BASE}/volumes/${VOLUME_ID}`, () => new HttpResponse(null, { status: 202 })));
    await deleteVolume(cinderOf(cloud), VOLUME_ID, { cascade: true });
    expect(await sent(cloud)).toMatchObject({ method: 'DELETE', query: { cascade: 'true' } });
    await expect(deleteVolume(cinderOf(cloud), VOLUME_ID, { force: true })).rejects.toMatchObject({
      field: 'force',
    });
  });
});

describe('volume actions', () => {
  const handleAction = () =>
    http.post(`${BASE}/volumes/${VOLUME_ID}/action`, () => new HttpResponse(null, { status: 202 }));

  it('extends after reading the size', async () => {
    cloud.use(handleVolumeStatuses(['available']), handleAction());
    await extendVolume(cinderOf(cloud), VOLUME_ID, 20);
    const [get, post] = await sentAll(cloud);
    expect(get?.method).toBe('GET');
    expect(post?.body).toEqual({ 'os-extend': { new_size: 20 } });
  });

  it.each([[10], [5]])('refuses to extend a 10 GiB volume to %i GiB: no extend request', async (size) => {
    cloud.use(handleVolumeStatuses(['available']));
    await expect(extendVolume(cinderOf(cloud), VOLUME_ID, size)).rejects.toMatchObject({ field: 'newSize' });
    expect((await sentAll(cloud)).map((r) => r.method)).toEqual(['GET']);
  });

  it('refuses a new size that is not a positive integer before any request', async () => {
    await expect(extendVolume(cinderOf(cloud), VOLUME_ID, 0)).rejects.toMatchObject({ field: 'newSize' });
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('extends an in-use volume only from 3.42', async () => {
    cloud.use(handleVolumeStatuses(['in-use']), handleAction());
    await expect(extendVolume(cinderOf(cloud), VOLUME_ID, 20)).rejects.toThrow('3.42');
    await extendVolume(cinderOf(cloud, { microversion: '3.42' }), VOLUME_ID, 20);
    expect((await sentAll(cloud)).filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('retypes with a migration policy after checking the type name', async () => {
    cloud.use(handleTypes(), handleAction());
    await retypeVolume(cinderOf(cloud), VOLUME_ID, { volumeType: 'fast', migrationPolicy: 'on-demand' });
    expect((await sentAll(cloud))[1]?.body).toEqual({
      'os-retype': { new_type: 'fast', migration_policy: 'on-demand' },
    });
    await expect(
      retypeVolume(cinderOf(cloud), VOLUME_ID, { volumeType: 'fast', migrationPolicy: 'always' as never }),
    ).rejects.toMatchObject({ field: 'migrationPolicy' });
  });

  it('sets bootable and read-only', async () => {
    cloud.use(handleAction());
    await setVolumeBootable(cinderOf(cloud), VOLUME_ID, true);
    await setVolumeReadonly(cinderOf(cloud), VOLUME_ID, false);
    expect((await sentAll(cloud)).map((r) => r.body)).toEqual([
      { 'os-set_bootable': { bootable: true } },
      { 'os-update_readonly_flag': { readonly: false } },
    ]);
  });

  it('uploads to an image; visibility needs 3.1', async () => {
    cloud.use(
      http.post(`${BASE}/volumes/${VOLUME_ID}/action`, () =>
        HttpResponse.json(
          {
            'os-volume_upload_image': {
              id: VOLUME_ID,
              image_id: 'img-9',
              image_name: 'golden',
              status: 'uploading',
              disk_format: 'raw',
              container_format: 'bare',
            },
          },
          { status: 202 },
        ),
      ),
    );
    await expect(
      uploadVolumeToImage(cinderOf(cloud), VOLUME_ID, { imageName: 'golden', visibility: 'private' }),
    ).rejects.toMatchObject({
      field: 'visibility',
    });
    const up = await uploadVolumeToImage(cinderOf(cloud, { microversion: '3.1' }), VOLUME_ID, {
      imageName: 'golden',
      force: true,
      visibility: 'private',
    });
    expect(up).toMatchObject({ imageId: 'img-9', imageName: 'golden', status: 'uploading' });
    expect((await sent(cloud)).body).toEqual({
      'os-volume_upload_image': { image_name: 'golden', force: true, visibility: 'private' },
    });
  });
});

describe('volume metadata verbs', () => {
  it('get reads, set merges (POST), replace replaces (PUT), delete removes each key', async () => {
    const url = `${BASE}/volumes/${VOLUME_ID}/metadata`;
    cloud.use(
      http.get(url, () => HttpResponse.json({ metadata: { a: '1' } })),
      http.post(url, () => HttpResponse.json({ metadata: { a: '1', b: '2' } })),
      http.put(url, () => HttpResponse.json({ metadata: { c: '3' } })),
      http.delete(`${url}/:key`, () => new HttpResponse(null, { status: 200 })),
    );
    const c = cinderOf(cloud);
    expect(await getVolumeMetadata(c, VOLUME_ID)).toEqual({ a: '1' });
    expect(await setVolumeMetadata(c, VOLUME_ID, { b: '2' })).toEqual({ a: '1', b: '2' });
    expect(await replaceVolumeMetadata(c, VOLUME_ID, { c: '3' })).toEqual({ c: '3' });
    await deleteVolumeMetadata(c, VOLUME_ID, ['a', 'b/c']);
    expect(
      (await sentAll(cloud)).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body ?? null)}`),
    ).toEqual([
      `GET /volumes/${VOLUME_ID}/metadata null`,
      `POST /volumes/${VOLUME_ID}/metadata {"metadata":{"b":"2"}}`,
      `PUT /volumes/${VOLUME_ID}/metadata {"metadata":{"c":"3"}}`,
      `DELETE /volumes/${VOLUME_ID}/metadata/a null`,
      `DELETE /volumes/${VOLUME_ID}/metadata/b%2Fc null`,
    ]);
  });

  it('rejects metadata values that are not strings', async () => {
    await expect(setVolumeMetadata(cinderOf(cloud), VOLUME_ID, { a: 1 } as never)).rejects.toMatchObject({
      field: 'metadata.a',
    });
  });
});

describe('getVolumeSummary', () => {
  it('needs 3.12 and reads totals', async () => {
    await expect(getVolumeSummary(cinderOf(cloud))).rejects.toMatchObject({ field: 'getVolumeSummary' });
    cloud.use(
      http.get(`${BASE}/volumes/summary`, () =>
        HttpResponse.json({
          'volume-summary': { total_size: 30, total_count: 3, metadata: { app: ['db', 'web'] } },
        }),
      ),
    );
    await expect(getVolumeSummary(cinderOf(cloud, { microversion: '3.36' }))).resolves.toEqual({
      totalSize: 30,
      totalCount: 3,
      metadata: { app: ['db', 'web'] },
    });
  });
});
