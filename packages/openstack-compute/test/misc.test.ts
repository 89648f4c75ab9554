import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  attachVolume,
  detachVolume,
  getComputeLimits,
  getVolumeAttachment,
  listAvailabilityZones,
  listVolumeAttachments,
} from '../src/index.js';
import {
  BASE,
  computeOf,
  computeRequests,
  onlyRequest,
  pathOf,
  SERVER_ID,
  sent,
  VOLUME_ID,
} from './fixtures/compute.js';

const cloud = setupMockCloud();
const attachments = `${BASE}/servers/${SERVER_ID}/os-volume_attachments`;
const attachment = (volumeId = VOLUME_ID, extra: Record<string, unknown> = {}) => ({
  id: volumeId,
  serverId: SERVER_ID,
  volumeId,
  device: '/dev/vdb',
  ...extra,
});

describe('volume attachments', () => {
  it('attachVolume posts volumeAttachment and parses the answer', async () => {
    cloud.use(
      http.post(attachments, () =>
        HttpResponse.json({
          volumeAttachment: attachment(VOLUME_ID, { tag: 'data', delete_on_termination: true }),
        }),
      ),
    );
    const att = await attachVolume(computeOf(cloud, { microversion: '2.79' }), SERVER_ID, {
      volumeId: VOLUME_ID,
      device: '/dev/vdb',
      tag: 'data',
      deleteOnTermination: true,
    });
    expect(att).toEqual({
      id: VOLUME_ID,
      serverId: SERVER_ID,
      volumeId: VOLUME_ID,
      device: '/dev/vdb',
      tag: 'data',
      deleteOnTermination: true,
    });
    expect(await sent(cloud)).toEqual({
      method: 'POST',
      path: `/servers/${SERVER_ID}/os-volume_attachments`,
      body: {
        volumeAttachment: {
          volumeId: VOLUME_ID,
          device: '/dev/vdb',
          tag: 'data',
          delete_on_termination: true,
        },
      },
    });
  });

  it('parses the 2.89 shape (attachment_id, bdm_uuid, no id)', async () => {
    cloud.use(
      http.get(`${attachments}/${VOLUME_ID}`, () =>
        HttpResponse.json({
          volumeAttachment: {
            serverId: SERVER_ID,
            volumeId: VOLUME_ID,
            device: '/dev/vdc',
            tag: null,
            delete_on_termination: false,
            attachment_id: '979ce4f8-033a-409d-85e6-6b5c0f6a6302',
            bdm_uuid: 'c088db45-92b8-49e8-81e2-a1b77a144b3b',
          },
        }),
      ),
    );
    const att = await getVolumeAttachment(computeOf(cloud, { microversion: '2.89' }), SERVER_ID, VOLUME_ID);
    expect(att).toEqual({
      serverId: SERVER_ID,
      volumeId: VOLUME_ID,
      device: '/dev/vdc',
      deleteOnTermination: false,
      attachmentId: '979ce4f8-033a-409d-85e6-6b5c0f6a6302',
      bdmUuid: 'c088db45-92b8-49e8-81e2-a1b77a144b3b',
    });
  });

  it('listVolumeAttachments pages with limit and offset', async () => {
    const vols = [
      'a26887c6-c47b-4654-abb5-dfadf7d3f801',
      'a26887c6-c47b-4654-abb5-dfadf7d3f802',
      'a26887c6-c47b-4654-abb5-dfadf7d3f803',
    ];
    cloud.use(
      http.get(attachments, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const offset = Number(q.get('offset') ?? 0);
        const limit = Number(q.get('limit') ?? 1000);
        return HttpResponse.json({
          volumeAttachments: vols.slice(offset, offset + limit).map((v) => attachment(v)),
        });
      }),
    );
    const all = await toArray(listVolumeAttachments(computeOf(cloud), SERVER_ID, { limit: 2 }));
    expect(all.map((a) => a.volumeId)).toEqual(vols);
    expect(computeRequests(cloud).map((r) => r.url.search)).toEqual(['?limit=2', '?limit=2&offset=2']);
  });

  it('listVolumeAttachments sends one request without a limit', async () => {
    cloud.use(http.get(attachments, () => HttpResponse.json({ volumeAttachments: [attachment()] })));
    expect(await toArray(listVolumeAttachments(computeOf(cloud), SERVER_ID))).toHaveLength(1);
    expect(onlyRequest(cloud).url.search).toBe('');
  });

  it('detachVolume deletes the attachment; a 404 names it', async () => {
    cloud.use(http.delete(`${attachments}/${VOLUME_ID}`, () => new HttpResponse(null, { status: 202 })));
    await detachVolume(computeOf(cloud), SERVER_ID, VOLUME_ID);
    expect(pathOf(onlyRequest(cloud))).toBe(`/servers/${SERVER_ID}/os-volume_attachments/${VOLUME_ID}`);
    cloud.use(
      http.delete(`${attachments}/${VOLUME_ID}`, () =>
        HttpResponse.json({ itemNotFound: { code: 404, message: 'volume_id not found' } }, { status: 404 }),
      ),
    );
    const err = await detachVolume(computeOf(cloud), SERVER_ID, VOLUME_ID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toContain(
      `volume attachment "${VOLUME_ID}" of server "${SERVER_ID}" was not found`,
    );
  });

  it('rejects bad input before any request', async () => {
    const c = computeOf(cloud);
    await expect(attachVolume(c, SERVER_ID, { volumeId: 'vol-1' })).rejects.toThrow(
      /volumeId must be a UUID/,
    );
    await expect(attachVolume(c, SERVER_ID, { volumeId: VOLUME_ID, tag: 't' })).rejects.toThrow(/2\.49/);
    await expect(
      attachVolume(c, SERVER_ID, { volumeId: VOLUME_ID, deleteOnTermination: true }),
    ).rejects.toThrow(/2\.79/);
    await expect(detachVolume(c, SERVER_ID, '')).rejects.toThrow(ValidationError);
    expect(() => listVolumeAttachments(c, SERVER_ID, { offset: -1 })).toThrow(ValidationError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('getComputeLimits', () => {
  it('parses absolute and rate limits', async () => {
    cloud.use(
      http.get(`${BASE}/limits`, () =>
        HttpResponse.json({
          limits: {
            absolute: {
              maxTotalCores: 20,
              totalCoresUsed: 4,
              maxTotalInstances: 10,
              totalInstancesUsed: 2,
              maxTotalRAMSize: 51200,
              totalRAMUsed: 4096,
              maxTotalPrivateNetworks: 6,
            },
            rate: [
              {
                uri: '*',
                regex: '.*',
                limit: [
                  {
                    verb: 'POST',
                    value: 120,
                    remaining: 119,
                    unit: 'MINUTE',
                    'next-available': '2024-05-02T08:00:00Z',
                  },
                ],
              },
            ],
          },
        }),
      ),
    );
    const limits = await getComputeLimits(computeOf(cloud), { tenantId: 'p-2' });
    expect(limits.absolute).toMatchObject({
      maxTotalCores: 20,
      totalCoresUsed: 4,
      maxTotalPrivateNetworks: 6,
    });
    expect(limits.rate).toEqual([
      {
        uri: '*',
        regex: '.*',
        limits: [
          {
            verb: 'POST',
            value: 120,
            remaining: 119,
            unit: 'MINUTE',
            nextAvailable: new Date('2024-05-02T08:00:00Z'),
          },
        ],
      },
    ]);
    const r = onlyRequest(cloud);
    expect([r.method, pathOf(r), r.url.search]).toEqual(['GET', '/limits', '?tenant_id=p-2']);
  });
});

describe('listAvailabilityZones', () => {
  it('lists zones', async () => {
    cloud.use(
      http.get(`${BASE}/os-availability-zone`, () =>
        HttpResponse.json({
          availabilityZoneInfo: [
            { zoneName: 'nova', zoneState: { available: true }, hosts: null },
            { zoneName: 'az-2', zoneState: { available: false }, hosts: null },
          ],
        }),
      ),
    );
    expect(await toArray(listAvailabilityZones(computeOf(cloud)))).toEqual([
      { name: 'nova', available: true },
      { name: 'az-2', available: false },
    ]);
  });

  it('lists hosts with detail', async () => {
    const hosts = { compute1: { 'nova-compute': { available: true, active: true } } };
    cloud.use(
      http.get(`${BASE}/os-availability-zone/detail`, () =>
        HttpResponse.json({
          availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts }],
        }),
      ),
    );
    const [z] = await toArray(listAvailabilityZones(computeOf(cloud), { detail: true }));
    expect(z).toEqual({ name: 'nova', available: true, hosts });
  });
});
