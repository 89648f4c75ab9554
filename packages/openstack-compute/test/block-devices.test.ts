import { ValidationError, WaiterTimeoutError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  type BlockDeviceMapping,
  blankVolumeDevice,
  bootFromImageToVolume,
  bootFromSnapshotToVolume,
  bootFromVolume,
  createServer,
  volumeDevice,
  waitForServerVolumeAttachment,
  waitForServerVolumeDetached,
} from '../src/index.js';
import {
  BASE,
  computeOf,
  computeRequests,
  IMAGE_ID,
  SERVER_ID,
  sent,
  VOLUME_ID,
} from './fixtures/compute.js';

const cloud = setupMockCloud();
const SNAPSHOT_ID = 'b1f5c3a2-6d1e-4a8b-9c7d-0e1f2a3b4c5d';
const DATA_ID = 'c2e6d4b3-7e2f-4b9c-8d8e-1f2a3b4c5d6e';

const created = () =>
  http.post(`${BASE}/servers`, () =>
    HttpResponse.json({ server: { id: SERVER_ID, links: [] } }, { status: 202 }),
  );

describe('block device builders', () => {
  it('boot from a volume, with an extra volume and a blank disk deleted with the server', async () => {
    cloud.use(created());
    await createServer(computeOf(cloud), {
      name: 'bfv',
      flavor: '1',
      blockDeviceMappings: [
        bootFromVolume(VOLUME_ID),
        volumeDevice(DATA_ID, { deviceName: '/dev/vdb' }),
        blankVolumeDevice(5, { deleteOnTermination: true }),
      ],
    });
    expect((await sent(cloud)).body.server).toEqual({
      name: 'bfv',
      flavorRef: '1',
      block_device_mapping_v2: [
        { boot_index: 0, source_type: 'volume', destination_type: 'volume', uuid: VOLUME_ID },
        {
          boot_index: null,
          source_type: 'volume',
          destination_type: 'volume',
          uuid: DATA_ID,
          device_name: '/dev/vdb',
        },
        {
          boot_index: null,
          source_type: 'blank',
          destination_type: 'volume',
          volume_size: 5,
          delete_on_termination: true,
        },
      ],
    });
  });

  it('image to a new boot volume (with a volume type at 2.67), and snapshot to volume', async () => {
    cloud.use(created());
    await createServer(computeOf(cloud, { microversion: '2.67' }), {
      name: 'i2v',
      flavor: '1',
      blockDeviceMappings: [
        bootFromImageToVolume(IMAGE_ID, { volumeSize: 20, volumeType: 'ssd', deleteOnTermination: true }),
      ],
    });
    expect((await sent(cloud)).body.server.block_device_mapping_v2).toEqual([
      {
        boot_index: 0,
        source_type: 'image',
        destination_type: 'volume',
        uuid: IMAGE_ID,
        volume_size: 20,
        volume_type: 'ssd',
        delete_on_termination: true,
      },
    ]);
    expect(bootFromSnapshotToVolume(SNAPSHOT_ID)).toEqual({
      bootIndex: 0,
      sourceType: 'snapshot',
      destinationType: 'volume',
      uuid: SNAPSHOT_ID,
    });
  });

  it.each([
    ['a volume name', () => bootFromVolume('root-vol'), /volumeId must be a UUID/],
    [
      'an image without a size',
      () => bootFromImageToVolume(IMAGE_ID, {} as { volumeSize: number }),
      /volumeSize/,
    ],
    ['a size of 0', () => blankVolumeDevice(0), /volumeSize/],
    ['a fractional size', () => bootFromSnapshotToVolume(SNAPSHOT_ID, { volumeSize: 1.5 }), /volumeSize/],
    [
      'a non-boolean deleteOnTermination',
      () => volumeDevice(DATA_ID, { deleteOnTermination: 'yes' as unknown as boolean }),
      /deleteOnTermination must be true or false/,
    ],
  ])('builders reject %s', (_what, build, message) => {
    expect(build).toThrow(message);
    expect(build).toThrow(ValidationError);
  });

  const bad: [string, BlockDeviceMapping[], RegExp][] = [
    ['two boot devices', [bootFromVolume(VOLUME_ID), bootFromVolume(DATA_ID)], /2 entries with bootIndex 0/],
    [
      'a volume source on a local disk',
      [{ bootIndex: 0, sourceType: 'volume', destinationType: 'local', uuid: VOLUME_ID }],
      /a volume source needs destinationType "volume"/,
    ],
    [
      'an image to volume without a size',
      [{ bootIndex: 0, sourceType: 'image', destinationType: 'volume', uuid: IMAGE_ID }],
      /needs volumeSize/,
    ],
    [
      'a blank volume without a size',
      [bootFromVolume(VOLUME_ID), { sourceType: 'blank', destinationType: 'volume' }],
      /blockDeviceMappings\[1\]: a new volume from blank needs volumeSize/,
    ],
    [
      'a boot index that is not a number',
      [
        {
          bootIndex: 'first' as unknown as number,
          sourceType: 'volume',
          destinationType: 'volume',
          uuid: VOLUME_ID,
        },
      ],
      /bootIndex/,
    ],
    [
      'a volume type below 2.67',
      [bootFromImageToVolume(IMAGE_ID, { volumeSize: 1, volumeType: 'ssd' })],
      /2\.67/,
    ],
  ];

  it.each(bad)('createServer rejects %s before any request', async (_what, blockDeviceMappings, message) => {
    const err = await createServer(computeOf(cloud), { name: 'x', flavor: '1', blockDeviceMappings }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(message);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('volume attachment waiters', () => {
  const path = `${BASE}/servers/${SERVER_ID}/os-volume_attachments/${VOLUME_ID}`;
  const attachment = { id: VOLUME_ID, serverId: SERVER_ID, volumeId: VOLUME_ID, device: '/dev/vdb' };
  const notFound = () =>
    HttpResponse.json({ itemNotFound: { code: 404, message: 'not attached' } }, { status: 404 });

  it('waitForServerVolumeAttachment polls through 404s until Nova lists the volume', async () => {
    let polls = 0;
    cloud.use(
      http.get(path, () => (++polls < 3 ? notFound() : HttpResponse.json({ volumeAttachment: attachment }))),
    );
    const seen: unknown[] = [];
    const att = await waitForServerVolumeAttachment(computeOf(cloud), SERVER_ID, VOLUME_ID, {
      minDelayMs: 1,
      maxDelayMs: 2,
      onPoll: (a) => seen.push(a),
    });
    expect(att).toMatchObject({ volumeId: VOLUME_ID, device: '/dev/vdb' });
    expect(polls).toBe(3);
    expect(seen).toEqual([undefined, undefined, expect.objectContaining({ volumeId: VOLUME_ID })]);
  });

  it('waitForServerVolumeDetached polls until the attachment answers 404', async () => {
    let polls = 0;
    cloud.use(
      http.get(path, () => (++polls < 3 ? HttpResponse.json({ volumeAttachment: attachment }) : notFound())),
    );
    await waitForServerVolumeDetached(computeOf(cloud), SERVER_ID, VOLUME_ID, {
      minDelayMs: 1,
      maxDelayMs: 2,
    });
    expect(polls).toBe(3);
  });

  it('times out with the attachment as the last value when it stays', async () => {
    cloud.use(http.get(path, () => HttpResponse.json({ volumeAttachment: attachment })));
    const err = await waitForServerVolumeDetached(computeOf(cloud), SERVER_ID, VOLUME_ID, {
      minDelayMs: 1,
      maxDelayMs: 2,
      timeoutMs: 30,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    expect((err as WaiterTimeoutError).lastValue).toMatchObject({ volumeId: VOLUME_ID });
  });

  it('rejects bad ids before any request', async () => {
    await expect(waitForServerVolumeAttachment(computeOf(cloud), SERVER_ID, 'vol')).rejects.toThrow(
      /volumeId must be a UUID/,
    );
    await expect(waitForServerVolumeDetached(computeOf(cloud), '', VOLUME_ID)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});
