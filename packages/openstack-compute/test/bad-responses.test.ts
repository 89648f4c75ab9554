/**
 * Every public operation that reads a response body, served bodies that are not what Nova
 * documents: each must fail with one typed InvalidResponseError (status, request id, snippet),
 * never a raw TypeError or SyntaxError, and never a silently empty result.
 *
 * Adding an operation means adding a row to OPERATIONS (or, when it reads no body, its name to
 * READS_NO_BODY): the last test fails for an exported function found in neither.
 */
import { InvalidResponseError, toArray } from '@cloud/core';
import { describeBadResponses, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import type { ComputeClient, ComputeClientOptions } from '../src/index.js';
import * as api from '../src/index.js';
import { BASE, computeOf, IMAGE_ID, SERVER_ID, VOLUME_ID } from './fixtures/compute.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };
const ROOT = `${BASE.replace(/\/v2\.1\/?$/, '')}/`;

interface Operation {
  /** The exported function. */
  name: keyof typeof api;
  method: 'get' | 'post' | 'put';
  /** Route to poison, relative to the compute endpoint (or absolute). */
  path: string;
  /** Wrapper key of the documented body, for the wrong-type bodies. */
  key: string;
  call(c: ComputeClient): Promise<unknown>;
  client?: ComputeClientOptions;
  /** Poisons that are documented answers of this operation, with the reason in a comment. */
  accepts?: string[];
}

const list = <T>(l: AsyncIterable<T>) => toArray(l);
const S = `/servers/${SERVER_ID}`;
const I = `/images/${IMAGE_ID}`;

const OPERATIONS: Operation[] = [
  {
    name: 'listServers',
    method: 'get',
    path: '/servers',
    key: 'servers',
    call: (c) => list(api.listServers(c)),
  },
  {
    name: 'listServersDetail',
    method: 'get',
    path: '/servers/detail',
    key: 'servers',
    call: (c) => list(api.listServersDetail(c)),
  },
  { name: 'getServer', method: 'get', path: S, key: 'server', call: (c) => api.getServer(c, SERVER_ID) },
  {
    name: 'updateServer',
    method: 'put',
    path: S,
    key: 'server',
    call: (c) => api.updateServer(c, SERVER_ID, { name: 'x' }),
  },
  {
    name: 'createServer',
    method: 'post',
    path: '/servers',
    key: 'server',
    call: (c) => api.createServer(c, { name: 'x', flavor: '1', image: IMAGE_ID }),
  },
  {
    name: 'rebuildServer',
    method: 'post',
    path: `${S}/action`,
    key: 'server',
    call: (c) => api.rebuildServer(c, SERVER_ID, { image: IMAGE_ID }),
  },
  {
    name: 'rescueServer',
    method: 'post',
    path: `${S}/action`,
    key: 'adminPass',
    call: (c) => api.rescueServer(c, SERVER_ID),
    // Nova answers `{}` when instance passwords are disabled (`[api] enable_instance_password`)
    accepts: ['{}'],
  },
  {
    name: 'getServerConsoleOutput',
    method: 'post',
    path: `${S}/action`,
    key: 'output',
    call: (c) => api.getServerConsoleOutput(c, SERVER_ID),
  },
  {
    name: 'createServerImage',
    method: 'post',
    path: `${S}/action`,
    key: 'image_id',
    call: (c) => api.createServerImage(c, SERVER_ID, { name: 'snap' }),
  },
  {
    name: 'waitForServerStatus',
    method: 'get',
    path: S,
    key: 'server',
    call: (c) => api.waitForServerStatus(c, SERVER_ID, 'ACTIVE', fast),
  },
  {
    name: 'getServerAddresses',
    method: 'get',
    path: `${S}/ips`,
    key: 'addresses',
    call: (c) => api.getServerAddresses(c, SERVER_ID),
  },
  {
    name: 'getServerAddressesByNetwork',
    method: 'get',
    path: `${S}/ips/public`,
    key: 'public',
    call: (c) => api.getServerAddressesByNetwork(c, SERVER_ID, 'public'),
  },
  {
    name: 'getServerMetadata',
    method: 'get',
    path: `${S}/metadata`,
    key: 'metadata',
    call: (c) => api.getServerMetadata(c, SERVER_ID),
  },
  {
    name: 'setServerMetadata',
    method: 'post',
    path: `${S}/metadata`,
    key: 'metadata',
    call: (c) => api.setServerMetadata(c, SERVER_ID, { a: '1' }),
  },
  {
    name: 'replaceServerMetadata',
    method: 'put',
    path: `${S}/metadata`,
    key: 'metadata',
    call: (c) => api.replaceServerMetadata(c, SERVER_ID, { a: '1' }),
  },
  {
    name: 'deleteServerMetadata',
    method: 'get',
    path: `${S}/metadata`,
    key: 'metadata',
    call: (c) => api.deleteServerMetadata(c, SERVER_ID, ['a']),
  },
  {
    name: 'getServerMetadataItem',
    method: 'get',
    path: `${S}/metadata/a`,
    key: 'meta',
    call: (c) => api.getServerMetadataItem(c, SERVER_ID, 'a'),
  },
  {
    name: 'getImageMetadata',
    method: 'get',
    path: `${I}/metadata`,
    key: 'metadata',
    call: (c) => api.getImageMetadata(c, IMAGE_ID),
  },
  {
    name: 'setImageMetadata',
    method: 'post',
    path: `${I}/metadata`,
    key: 'metadata',
    call: (c) => api.setImageMetadata(c, IMAGE_ID, { a: '1' }),
  },
  {
    name: 'replaceImageMetadata',
    method: 'put',
    path: `${I}/metadata`,
    key: 'metadata',
    call: (c) => api.replaceImageMetadata(c, IMAGE_ID, { a: '1' }),
  },
  {
    name: 'deleteImageMetadata',
    method: 'get',
    path: `${I}/metadata`,
    key: 'metadata',
    call: (c) => api.deleteImageMetadata(c, IMAGE_ID, ['a']),
  },
  {
    name: 'getImageMetadataItem',
    method: 'get',
    path: `${I}/metadata/a`,
    key: 'meta',
    call: (c) => api.getImageMetadataItem(c, IMAGE_ID, 'a'),
  },
  {
    name: 'listFlavors',
    method: 'get',
    path: '/flavors',
    key: 'flavors',
    call: (c) => list(api.listFlavors(c)),
  },
  {
    name: 'listFlavorsDetail',
    method: 'get',
    path: '/flavors/detail',
    key: 'flavors',
    call: (c) => list(api.listFlavorsDetail(c)),
  },
  { name: 'getFlavor', method: 'get', path: '/flavors/1', key: 'flavor', call: (c) => api.getFlavor(c, '1') },
  {
    name: 'getFlavorExtraSpecs',
    method: 'get',
    path: '/flavors/1/os-extra_specs',
    key: 'extra_specs',
    call: (c) => api.getFlavorExtraSpecs(c, '1'),
  },
  { name: 'listImages', method: 'get', path: '/images', key: 'images', call: (c) => list(api.listImages(c)) },
  {
    name: 'listImagesDetail',
    method: 'get',
    path: '/images/detail',
    key: 'images',
    call: (c) => list(api.listImagesDetail(c)),
  },
  { name: 'getImage', method: 'get', path: I, key: 'image', call: (c) => api.getImage(c, IMAGE_ID) },
  {
    name: 'createKeypair',
    method: 'post',
    path: '/os-keypairs',
    key: 'keypair',
    call: (c) => api.createKeypair(c, { name: 'k' }),
  },
  {
    name: 'importKeypair',
    method: 'post',
    path: '/os-keypairs',
    key: 'keypair',
    call: (c) => api.importKeypair(c, { name: 'k', publicKey: 'ssh-ed25519 AAAA' }),
  },
  {
    name: 'listKeypairs',
    method: 'get',
    path: '/os-keypairs',
    key: 'keypairs',
    call: (c) => list(api.listKeypairs(c)),
  },
  {
    name: 'getKeypair',
    method: 'get',
    path: '/os-keypairs/k',
    key: 'keypair',
    call: (c) => api.getKeypair(c, 'k'),
  },
  {
    name: 'listFloatingIps',
    method: 'get',
    path: '/os-floating-ips',
    key: 'floating_ips',
    call: (c) => list(api.listFloatingIps(c)),
  },
  {
    name: 'getFloatingIp',
    method: 'get',
    path: '/os-floating-ips/1',
    key: 'floating_ip',
    call: (c) => api.getFloatingIp(c, '1'),
  },
  {
    name: 'allocateFloatingIp',
    method: 'post',
    path: '/os-floating-ips',
    key: 'floating_ip',
    call: (c) => api.allocateFloatingIp(c),
  },
  {
    name: 'listSecurityGroups',
    method: 'get',
    path: '/os-security-groups',
    key: 'security_groups',
    call: (c) => list(api.listSecurityGroups(c)),
  },
  {
    name: 'getSecurityGroup',
    method: 'get',
    path: '/os-security-groups/1',
    key: 'security_group',
    call: (c) => api.getSecurityGroup(c, '1'),
  },
  {
    name: 'createSecurityGroup',
    method: 'post',
    path: '/os-security-groups',
    key: 'security_group',
    call: (c) => api.createSecurityGroup(c, { name: 'web' }),
  },
  {
    name: 'createSecurityGroupRule',
    method: 'post',
    path: '/os-security-group-rules',
    key: 'security_group_rule',
    call: (c) =>
      api.createSecurityGroupRule(c, {
        parentGroupId: '1',
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidr: '0.0.0.0/0',
      }),
  },
  {
    name: 'listServerSecurityGroups',
    method: 'get',
    path: `${S}/os-security-groups`,
    key: 'security_groups',
    call: (c) => list(api.listServerSecurityGroups(c, SERVER_ID)),
  },
  {
    name: 'attachVolume',
    method: 'post',
    path: `${S}/os-volume_attachments`,
    key: 'volumeAttachment',
    call: (c) => api.attachVolume(c, SERVER_ID, { volumeId: VOLUME_ID }),
  },
  {
    name: 'getVolumeAttachment',
    method: 'get',
    path: `${S}/os-volume_attachments/${VOLUME_ID}`,
    key: 'volumeAttachment',
    call: (c) => api.getVolumeAttachment(c, SERVER_ID, VOLUME_ID),
  },
  {
    name: 'waitForServerVolumeAttachment',
    method: 'get',
    path: `${S}/os-volume_attachments/${VOLUME_ID}`,
    key: 'volumeAttachment',
    call: (c) => api.waitForServerVolumeAttachment(c, SERVER_ID, VOLUME_ID, fast),
  },
  {
    name: 'waitForServerVolumeDetached',
    method: 'get',
    path: `${S}/os-volume_attachments/${VOLUME_ID}`,
    key: 'volumeAttachment',
    call: (c) => api.waitForServerVolumeDetached(c, SERVER_ID, VOLUME_ID, fast),
  },
  {
    name: 'listVolumeAttachments',
    method: 'get',
    path: `${S}/os-volume_attachments`,
    key: 'volumeAttachments',
    call: (c) => list(api.listVolumeAttachments(c, SERVER_ID)),
  },
  {
    name: 'getComputeLimits',
    method: 'get',
    path: '/limits',
    key: 'limits',
    call: (c) => api.getComputeLimits(c),
  },
  {
    name: 'listAvailabilityZones',
    method: 'get',
    path: '/os-availability-zone',
    key: 'availabilityZoneInfo',
    call: (c) => list(api.listAvailabilityZones(c)),
  },
  {
    name: 'listComputeApiVersions',
    method: 'get',
    path: ROOT,
    key: 'versions',
    call: (c) => list(api.listComputeApiVersions(c)),
  },
  {
    name: 'getComputeApiVersion',
    method: 'get',
    path: ROOT,
    key: 'versions',
    call: (c) => api.getComputeApiVersion(c),
  },
];

/** Exported functions that send a request but read no body (or are not operations). */
const READS_NO_BODY = new Set<string>([
  'createComputeClient',
  'deleteServer',
  'rebootServer',
  'resizeServer',
  'confirmServerResize',
  'revertServerResize',
  'startServer',
  'stopServer',
  'pauseServer',
  'unpauseServer',
  'suspendServer',
  'resumeServer',
  'lockServer',
  'unlockServer',
  'unrescueServer',
  'changeServerPassword',
  'setServerMetadataItem',
  'deleteServerMetadataItem',
  'setImageMetadataItem',
  'deleteImageMetadataItem',
  'deleteImage',
  'deleteKeypair',
  'releaseFloatingIp',
  'associateFloatingIp',
  'disassociateFloatingIp',
  'deleteSecurityGroup',
  'deleteSecurityGroupRule',
  'addServerSecurityGroup',
  'removeServerSecurityGroup',
  'detachVolume',
  // polls getServer and treats its 404 as success; a bad body is covered by getServer's row
  'waitForServerDeleted',
  // block device builders: pure functions, no request
  'blankVolumeDevice',
  'bootFromImageToVolume',
  'bootFromSnapshotToVolume',
  'bootFromVolume',
  'volumeDevice',
]);

const url = (path: string) => (path.startsWith('http') ? path : `${BASE}${path}`);

describeBadResponses('compute operations reject bodies Nova does not send', {
  cloud,
  client: () => computeOf(cloud),
  operations: OPERATIONS.map((op) => ({
    ...op,
    url: url(op.path),
    client: op.client ? () => computeOf(cloud, op.client) : undefined,
  })),
  coverage: { api, readsNoBody: READS_NO_BODY },
});

describe('compute errors on bad bodies', () => {
  it('never puts a generated private key in the error', async () => {
    const privateKey =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    cloud.use(
      http.post(`${BASE}/os-keypairs`, () =>
        HttpResponse.json({ keypair: { name: 'k', private_key: privateKey, fingerprint: 7 } }),
      ),
    );
    const err = (await api.createKeypair(computeOf(cloud), { name: 'k' }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
  });
});
