import { BadRequestError, ForbiddenError, RateLimitError, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { type CreateServerParams, createServer, type ServerNetwork } from '../src/index.js';
import {
  BASE,
  computeOf,
  computeRequests,
  IMAGE_ID,
  NETWORK_ID,
  onlyRequest,
  PORT_ID,
  SERVER_ID,
  sent,
  VOLUME_ID,
} from './fixtures/compute.js';

const cloud = setupMockCloud();

const created = (extra: Record<string, unknown> = {}) =>
  http.post(`${BASE}/servers`, () =>
    HttpResponse.json(
      {
        server: {
          id: SERVER_ID,
          links: [{ rel: 'self', href: `${BASE}/servers/${SERVER_ID}` }],
          adminPass: 'Xz9-generated',
          'OS-DCF:diskConfig': 'AUTO',
          security_groups: [{ name: 'default' }],
          ...extra,
        },
      },
      { status: 202, headers: { location: `${BASE}/servers/${SERVER_ID}` } },
    ),
  );

const minimal: CreateServerParams = { name: 'web-01', flavor: '2', image: IMAGE_ID };

describe('createServer', () => {
  it('posts the minimal body and returns the id and adminPass', async () => {
    cloud.use(created());
    const s = await createServer(computeOf(cloud), minimal);
    expect(s).toEqual({
      id: SERVER_ID,
      links: [{ rel: 'self', href: `${BASE}/servers/${SERVER_ID}` }],
      adminPass: 'Xz9-generated',
      diskConfig: 'AUTO',
      securityGroups: ['default'],
    });
    expect(await sent(cloud)).toEqual({
      method: 'POST',
      path: '/servers',
      body: { server: { name: 'web-01', flavorRef: '2', imageRef: IMAGE_ID } },
    });
    expect(onlyRequest(cloud).headers.get('content-type')).toMatch(/application\/json/);
  });

  it('sends every option, base64-encoding user data and personality', async () => {
    cloud.use(created());
    await createServer(computeOf(cloud), {
      ...minimal,
      keyName: 'deploy',
      userData: '#cloud-config\npackages: [nginx]\n',
      metadata: { role: 'web' },
      networks: [{ uuid: NETWORK_ID, fixedIp: '10.0.0.9' }, { port: PORT_ID }],
      securityGroups: ['default', 'web'],
      availabilityZone: 'az-1',
      configDrive: true,
      personality: [{ path: '/etc/motd', contents: 'hello' }],
      adminPass: 'chosen',
      accessIPv4: '203.0.113.5',
      diskConfig: 'MANUAL',
      schedulerHints: { group: 'g-1' },
    });
    expect((await sent(cloud)).body).toEqual({
      server: {
        name: 'web-01',
        flavorRef: '2',
        imageRef: IMAGE_ID,
        key_name: 'deploy',
        user_data: Buffer.from('#cloud-config\npackages: [nginx]\n').toString('base64'),
        metadata: { role: 'web' },
        networks: [{ uuid: NETWORK_ID, fixed_ip: '10.0.0.9' }, { port: PORT_ID }],
        security_groups: [{ name: 'default' }, { name: 'web' }],
        availability_zone: 'az-1',
        config_drive: true,
        personality: [{ path: '/etc/motd', contents: 'aGVsbG8=' }],
        adminPass: 'chosen',
        accessIPv4: '203.0.113.5',
        'OS-DCF:diskConfig': 'MANUAL',
      },
      'os:scheduler_hints': { group: 'g-1' },
    });
  });

  it('encodes binary user data as is', async () => {
    cloud.use(created());
    await createServer(computeOf(cloud), { ...minimal, userData: new Uint8Array([0, 255, 1]) });
    expect((await sent(cloud)).body.server.user_data).toBe('AP8B');
  });

  it.each(['auto', 'none'] as const)('sends networks "%s" at microversion 2.37', async (networks) => {
    cloud.use(created());
    await createServer(computeOf(cloud, { microversion: '2.37' }), { ...minimal, networks });
    const r = onlyRequest(cloud);
    expect(r.headers.get('x-openstack-nova-api-version')).toBe('2.37');
    expect(JSON.parse(await r.body()).server.networks).toBe(networks);
  });

  it("sends { network, fixedIp } and the uuid alias as Nova's uuid, and tags from 2.32", async () => {
    cloud.use(created());
    await createServer(computeOf(cloud, { microversion: '2.32' }), {
      ...minimal,
      networks: [
        { network: NETWORK_ID, fixedIp: 'fd00::9', tag: 'front' },
        { uuid: NETWORK_ID },
        { port: PORT_ID, tag: 'back' },
      ],
    });
    expect((await sent(cloud)).body.server.networks).toEqual([
      { uuid: NETWORK_ID, fixed_ip: 'fd00::9', tag: 'front' },
      { uuid: NETWORK_ID },
      { port: PORT_ID, tag: 'back' },
    ]);
  });

  it('boots from a volume without an image', async () => {
    cloud.use(created());
    await createServer(computeOf(cloud, { microversion: '2.67' }), {
      name: 'bfv',
      flavor: '2',
      blockDeviceMappings: [
        {
          bootIndex: 0,
          uuid: VOLUME_ID,
          sourceType: 'volume',
          destinationType: 'volume',
          deleteOnTermination: false,
        },
        {
          bootIndex: null,
          sourceType: 'blank',
          destinationType: 'volume',
          volumeSize: 10,
          volumeType: 'ssd',
        },
      ],
    });
    expect((await sent(cloud)).body).toEqual({
      server: {
        name: 'bfv',
        flavorRef: '2',
        block_device_mapping_v2: [
          {
            boot_index: 0,
            uuid: VOLUME_ID,
            source_type: 'volume',
            destination_type: 'volume',
            delete_on_termination: false,
          },
          {
            boot_index: null,
            source_type: 'blank',
            destination_type: 'volume',
            volume_size: 10,
            volume_type: 'ssd',
          },
        ],
      },
    });
  });

  it('sends description (2.19), tags (2.52) and hostname (2.90)', async () => {
    cloud.use(created());
    await createServer(computeOf(cloud, { microversion: '2.90' }), {
      ...minimal,
      description: 'front',
      tags: ['web'],
      hostname: 'web01',
    });
    expect((await sent(cloud)).body.server).toMatchObject({
      description: 'front',
      tags: ['web'],
      hostname: 'web01',
    });
  });

  const bad: [string, CreateServerParams, RegExp, string?][] = [
    ['no flavor', { name: 'a', image: IMAGE_ID } as CreateServerParams, /flavor must be a non-empty string/],
    ['no image without boot volume', { name: 'a', flavor: '1' }, /image is required unless/],
    ['an image that is not a UUID', { name: 'a', flavor: '1', image: 'cirros' }, /image must be a UUID/],
    ['an empty name', { ...minimal, name: '' }, /name must be a non-empty string/],
    ['a blank name', { ...minimal, name: '  ' }, /name must not be blank/],
    [
      'a network that is not a UUID',
      { ...minimal, networks: [{ uuid: 'public' }] },
      /networks\[0\]\.uuid must be a UUID/,
    ],
    [
      'a port that is not a UUID',
      { ...minimal, networks: [{ port: 'p1' }] },
      /networks\[0\]\.port must be a UUID/,
    ],
    [
      'a network name instead of its UUID',
      { ...minimal, networks: [{ network: 'private' }] },
      /networks\[0\]\.network must be a UUID/,
    ],
    [
      'a fixed IP that is not an address',
      { ...minimal, networks: [{ network: NETWORK_ID, fixedIp: '10.0.0.300' }] },
      /networks\[0\]\.fixedIp must be an IPv4 or IPv6 address/,
    ],
    [
      'a port together with a network',
      { ...minimal, networks: [{ port: PORT_ID, network: NETWORK_ID } as unknown as ServerNetwork] },
      /networks\[0\] has both port and network/,
    ],
    [
      'a port together with a fixed IP',
      { ...minimal, networks: [{ port: PORT_ID, fixedIp: '10.0.0.9' } as unknown as ServerNetwork] },
      /networks\[0\] has both port and fixedIp/,
    ],
    [
      'network and uuid that differ',
      { ...minimal, networks: [{ network: NETWORK_ID, uuid: PORT_ID } as unknown as ServerNetwork] },
      /networks\[0\] has both network and uuid/,
    ],
    [
      'an entry with neither network nor port',
      { ...minimal, networks: [{ fixedIp: '10.0.0.9' } as unknown as ServerNetwork] },
      /networks\[0\] needs a network \(UUID\) or a port/,
    ],
    [
      'an entry that is not an object',
      { ...minimal, networks: [NETWORK_ID as unknown as ServerNetwork] },
      /networks\[0\] must be an object/,
    ],
    [
      'a tag below 2.32',
      { ...minimal, networks: [{ network: NETWORK_ID, tag: 'a' }] },
      /networks\[0\]\.tag requires compute microversion 2\.32/,
    ],
    [
      'networks that are not an array',
      { ...minimal, networks: 'all' as 'auto' },
      /networks must be an array, "auto" or "none"/,
    ],
    ['networks "auto" below 2.37', { ...minimal, networks: 'auto' }, /requires compute microversion 2\.37/],
    [
      'a volume id that is not a UUID',
      {
        name: 'a',
        flavor: '1',
        blockDeviceMappings: [{ bootIndex: 0, sourceType: 'volume', uuid: 'vol-1' }],
      },
      /blockDeviceMappings\[0\]\.uuid must be a UUID/,
    ],
    [
      'an unknown source type',
      { ...minimal, blockDeviceMappings: [{ sourceType: 'disk' as 'image', uuid: IMAGE_ID }] },
      /sourceType must be one of image, volume, snapshot, blank/,
    ],
    ['user data over 64 KiB', { ...minimal, userData: 'x'.repeat(50_000) }, /userData is 66668 bytes/],
    [
      'metadata that is not strings',
      { ...minimal, metadata: { n: 1 as unknown as string } },
      /metadata\["n"\] must be a string/,
    ],
    ['tags below 2.52', { ...minimal, tags: ['a'] }, /tags requires compute microversion 2\.52/],
    [
      'an unknown disk config',
      { ...minimal, diskConfig: 'FAST' as 'AUTO' },
      /diskConfig must be one of AUTO, MANUAL/,
    ],
  ];

  it.each(bad)('rejects %s before any request', async (_what, params, message) => {
    await expect(createServer(computeOf(cloud), params)).rejects.toThrow(message);
    await expect(createServer(computeOf(cloud), params)).rejects.toBeInstanceOf(ValidationError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('rejects personality from microversion 2.57', async () => {
    const err = await createServer(computeOf(cloud, { microversion: '2.57' }), {
      ...minimal,
      personality: [{ path: '/x', contents: 'y' }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('personality');
    expect((err as Error).message).toMatch(/not available at compute microversion 2\.57.*userData/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it.each([
    [400, 'badRequest', 'Invalid flavorRef provided.', BadRequestError],
    [403, 'forbidden', "Policy doesn't allow os_compute_api:servers:create to be performed.", ForbiddenError],
    [
      413,
      'overLimit',
      'Quota exceeded for cores: Requested 2, but already used 20 of 20 cores',
      RateLimitError,
    ],
  ] as const)('turns a %i %s fault into its message', async (status, kind, message, type) => {
    cloud.use(
      http.post(`${BASE}/servers`, () =>
        HttpResponse.json(
          { [kind]: { code: status, message } },
          { status, headers: { 'x-openstack-request-id': 'req-c1' } },
        ),
      ),
    );
    const err = await createServer(computeOf(cloud), minimal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toBe(
      `${message} (POST ${BASE}/servers failed with ${status}) [request req-c1]`,
    );
  });
});
