/** Compute (Nova v2.1) wire-shaped fixtures, written from the compute API reference. */
import { randomUUID } from 'node:crypto';
import { HttpResponse } from 'msw';

/** The compute endpoint of the mock catalog in RegionOne (same as `mockEndpoints().compute`). */
export const FAKE_COMPUTE_URL = 'https://compute.regionone.mock.test/v2.1';
/** The project every fake server belongs to. */
export const FAKE_COMPUTE_PROJECT = 'p-0123456789';

/** A JSON object in a wire shape. */
export type Json = Record<string, any>;

/** `self` and `bookmark` links of a resource. */
export const link = (base: string, kind: string, id: string): Json[] => [
  { rel: 'self', href: `${base}/${kind}/${id}` },
  { rel: 'bookmark', href: `${base.replace(/\/v2(\.1)?$/, '')}/${kind}/${id}` },
];

/** A flavor in the wire shape of `GET /flavors/{id}`. */
export function flavorFixture(
  id: string,
  name: string,
  vcpus: number,
  ram: number,
  disk: number,
  base = FAKE_COMPUTE_URL,
): Json {
  return {
    id,
    name,
    vcpus,
    ram,
    disk,
    swap: '',
    'OS-FLV-EXT-DATA:ephemeral': 0,
    'OS-FLV-DISABLED:disabled': false,
    'os-flavor-access:is_public': true,
    rxtx_factor: 1.0,
    links: link(base, 'flavors', id),
  };
}

/** An image in the wire shape of the compute image API (`GET /images/{id}`). */
export function imageFixture(id: string, name: string, base = FAKE_COMPUTE_URL): Json {
  return {
    id,
    name,
    status: 'ACTIVE',
    progress: 100,
    minDisk: 1,
    minRam: 0,
    created: '2024-05-01T10:00:00Z',
    updated: '2024-05-01T10:05:00Z',
    metadata: { os_distro: name.split('-')[0]!.toLowerCase() },
    'OS-EXT-IMG-SIZE:size': 25165824,
    links: link(base, 'images', id),
  };
}

/** Flavors of the fake: `1` tiny, `2` small, `3` medium. */
export const FIXTURE_FLAVORS: Json[] = [
  flavorFixture('1', 'm1.tiny', 1, 512, 1),
  flavorFixture('2', 'm1.small', 1, 2048, 20),
  flavorFixture('3', 'm1.medium', 2, 4096, 40),
];

/** Images of the fake. */
export const FIXTURE_IMAGES: Json[] = [
  imageFixture('70a599e0-31e7-49b7-b260-868f441e862b', 'cirros-0.6.2-x86_64'),
  imageFixture('155d900f-4e14-4e4c-a73d-069cbf4541e6', 'ubuntu-24.04'),
];

/** A server in the wire shape of `GET /servers/{id}` (microversion 2.1 plus common extensions). */
export function serverFixture(overrides: Json = {}, base = FAKE_COMPUTE_URL): Json {
  const id = (overrides.id as string) ?? randomUUID();
  return {
    id,
    name: 'web-01',
    status: 'ACTIVE',
    tenant_id: FAKE_COMPUTE_PROJECT,
    user_id: 'u-1',
    hostId: 'c2d8b1f0a4e94c3f9d2e2f1a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e',
    image: { id: FIXTURE_IMAGES[0]!.id, links: link(base, 'images', FIXTURE_IMAGES[0]!.id) },
    flavor: { id: '1', links: link(base, 'flavors', '1') },
    created: '2024-05-02T08:00:00Z',
    updated: '2024-05-02T08:01:00Z',
    addresses: {
      private: [
        {
          version: 4,
          addr: '10.0.0.5',
          'OS-EXT-IPS:type': 'fixed',
          'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:4c:2c:30',
        },
        { version: 6, addr: 'fd00::f816:3eff:fe4c:2c30', 'OS-EXT-IPS:type': 'fixed' },
      ],
    },
    accessIPv4: '',
    accessIPv6: '',
    metadata: {},
    links: link(base, 'servers', id),
    progress: 0,
    key_name: null,
    config_drive: '',
    'OS-DCF:diskConfig': 'AUTO',
    'OS-EXT-AZ:availability_zone': 'nova',
    'OS-EXT-STS:task_state': null,
    'OS-EXT-STS:vm_state': 'active',
    'OS-EXT-STS:power_state': 1,
    'OS-SRV-USG:launched_at': '2024-05-02T08:00:40.000000',
    'OS-SRV-USG:terminated_at': null,
    security_groups: [{ name: 'default' }],
    'os-extended-volumes:volumes_attached': [],
    ...overrides,
  };
}

/** A Nova fault response, e.g. `novaFault(404, 'itemNotFound', 'Instance x could not be found.')`. */
export const novaFault = (status: number, kind: string, message: string) =>
  HttpResponse.json(
    { [kind]: { code: status, message } },
    { status, headers: { 'x-openstack-request-id': `req-fake-${status}` } },
  );
