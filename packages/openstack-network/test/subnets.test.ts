import { toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createSubnet,
  createSubnetPool,
  deleteSubnet,
  deleteSubnetPool,
  getSubnet,
  getSubnetPool,
  listSubnetPools,
  listSubnets,
  updateSubnet,
  updateSubnetPool,
} from '../src/index.js';
import {
  BASE,
  id,
  lastBody,
  neutronRequests,
  setupNetwork,
  subnetPoolWire,
  subnetWire,
} from './fixtures/network.js';

const { cloud, client } = setupNetwork();

describe('subnets', () => {
  it('creates an IPv4 subnet with pools, DNS, host routes and no gateway', async () => {
    cloud.use(
      http.post(`${BASE}/subnets`, () =>
        HttpResponse.json(
          { subnet: subnetWire(2, { gateway_ip: null, dns_nameservers: ['9.9.9.9'] }) },
          { status: 201 },
        ),
      ),
    );
    const s = await createSubnet(client(), {
      networkId: id(1),
      cidr: '10.0.0.0/24',
      gatewayIp: null,
      allocationPools: [{ start: '10.0.0.10', end: '10.0.0.20' }],
      dnsNameservers: ['9.9.9.9'],
      hostRoutes: [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }],
      enableDhcp: false,
    });
    expect(s).toMatchObject({ id: id(2), gatewayIp: null, dnsNameservers: ['9.9.9.9'], ipVersion: 4 });
    expect(await lastBody(cloud)).toEqual({
      subnet: {
        network_id: id(1),
        ip_version: 4,
        cidr: '10.0.0.0/24',
        gateway_ip: null,
        allocation_pools: [{ start: '10.0.0.10', end: '10.0.0.20' }],
        dns_nameservers: ['9.9.9.9'],
        host_routes: [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }],
        enable_dhcp: false,
      },
    });
  });

  it('creates an IPv6 subnet from a pool with RA and address modes', async () => {
    cloud.use(
      http.post(`${BASE}/subnets`, () =>
        HttpResponse.json(
          {
            subnet: subnetWire(3, {
              ip_version: 6,
              cidr: '2001:db8:1::/64',
              gateway_ip: '2001:db8:1::1',
              ipv6_ra_mode: 'slaac',
              ipv6_address_mode: 'slaac',
              subnetpool_id: id(4),
            }),
          },
          { status: 201 },
        ),
      ),
    );
    const s = await createSubnet(client(), {
      networkId: id(1),
      ipVersion: 6,
      subnetPoolId: id(4),
      prefixLength: 64,
      ipv6RaMode: 'slaac',
      ipv6AddressMode: 'slaac',
    });
    expect(s).toMatchObject({ ipVersion: 6, ipv6RaMode: 'slaac', subnetPoolId: id(4) });
    expect(await lastBody(cloud)).toEqual({
      subnet: {
        network_id: id(1),
        ip_version: 6,
        subnetpool_id: id(4),
        prefixlen: 64,
        ipv6_ra_mode: 'slaac',
        ipv6_address_mode: 'slaac',
      },
    });
  });

  it.each([
    [{ networkId: id(1), cidr: '10.0.0.0/33' }, 'cidr'],
    [{ networkId: id(1), cidr: '10.0.0.300/24' }, 'cidr'],
    [{ networkId: id(1), cidr: 'not a cidr' }, 'cidr'],
    [{ networkId: id(1), cidr: '10.0.0.0/24', ipVersion: 6 }, 'cidr'],
    [{ networkId: id(1) }, 'cidr'],
    [{ networkId: id(1), subnetPoolId: id(4) }, 'ipVersion'],
    [{ networkId: id(1), cidr: '10.0.0.0/24', ipv6RaMode: 'slaac' }, 'ipv6RaMode'],
    [{ networkId: id(1), cidr: '2001:db8::/64', ipv6AddressMode: 'magic' }, 'ipv6AddressMode'],
    [{ networkId: id(1), cidr: '10.0.0.0/24', gatewayIp: '2001:db8::1' }, 'gatewayIp'],
    [
      { networkId: id(1), cidr: '10.0.0.0/24', allocationPools: [{ start: '10.0.0.1', end: 'x' }] },
      'allocationPools[0].end',
    ],
    [{ networkId: id(1), cidr: '10.0.0.0/24', dnsNameservers: ['dns.example'] }, 'dnsNameservers[0]'],
    [
      {
        networkId: id(1),
        cidr: '10.0.0.0/24',
        hostRoutes: [{ destination: '1.2.3.4', nexthop: '10.0.0.1' }],
      },
      'hostRoutes[0].destination',
    ],
    [{ networkId: 'net', cidr: '10.0.0.0/24' }, 'networkId'],
  ])('rejects %j before any request', async (params, field) => {
    const error = await createSubnet(client(), params as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });

  it('lists with filters, gets, updates with a revision and deletes', async () => {
    cloud.use(
      http.get(`${BASE}/subnets`, () => HttpResponse.json({ subnets: [subnetWire(2)] })),
      http.get(`${BASE}/subnets/:id`, () => HttpResponse.json({ subnet: subnetWire(2) })),
      http.put(`${BASE}/subnets/:id`, () => HttpResponse.json({ subnet: subnetWire(2, { name: 'web' }) })),
      http.delete(`${BASE}/subnets/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const list = await toArray(
      listSubnets(client(), { networkId: [id(1), id(5)], ipVersion: 4, cidr: '10.0.0.0/24' }),
    );
    expect(list[0]!.allocationPools).toEqual([{ start: '10.0.0.2', end: '10.0.0.254' }]);
    const q = neutronRequests(cloud)[0]!.url.searchParams;
    expect(q.getAll('network_id')).toEqual([id(1), id(5)]);
    expect(q.get('ip_version')).toBe('4');
    expect((await getSubnet(client(), id(2))).cidr).toBe('10.0.0.0/24');
    await updateSubnet(client(), id(2), { name: 'web', gatewayIp: null, ifRevision: 1 });
    const put = neutronRequests(cloud).at(-1)!;
    expect(put.headers.get('if-match')).toBe('revision_number=1');
    expect(await lastBody(cloud)).toEqual({ subnet: { name: 'web', gateway_ip: null } });
    await deleteSubnet(client(), id(2));
    expect(neutronRequests(cloud).at(-1)!.method).toBe('DELETE');
  });
});

describe('subnet pools', () => {
  it('creates, lists, gets, updates and deletes', async () => {
    cloud.use(
      http.post(`${BASE}/subnetpools`, () =>
        HttpResponse.json({ subnetpool: subnetPoolWire(4) }, { status: 201 }),
      ),
      http.get(`${BASE}/subnetpools`, () =>
        HttpResponse.json({ subnetpools: [subnetPoolWire(4, { default_prefixlen: '24', ip_version: 6 })] }),
      ),
      http.get(`${BASE}/subnetpools/:id`, () => HttpResponse.json({ subnetpool: subnetPoolWire(4) })),
      http.put(`${BASE}/subnetpools/:id`, () =>
        HttpResponse.json({ subnetpool: subnetPoolWire(4, { default_quota: 512 }) }),
      ),
      http.delete(`${BASE}/subnetpools/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const pool = await createSubnetPool(client(), {
      name: 'p',
      prefixes: ['10.10.0.0/16'],
      defaultPrefixLength: 24,
    });
    expect(pool).toMatchObject({ prefixes: ['10.10.0.0/16'], defaultPrefixLength: 24, minPrefixLength: 8 });
    expect(await lastBody(cloud)).toEqual({
      subnetpool: { name: 'p', prefixes: ['10.10.0.0/16'], default_prefixlen: 24 },
    });
    const [listed] = await toArray(listSubnetPools(client(), { ipVersion: 6, isDefault: false }));
    expect(listed).toMatchObject({ ipVersion: 6, defaultPrefixLength: 24 });
    expect((await getSubnetPool(client(), id(4))).name).toBe('pool-4');
    expect((await updateSubnetPool(client(), id(4), { defaultQuota: 512 })).defaultQuota).toBe(512);
    await deleteSubnetPool(client(), id(4));
  });

  it.each([
    [{ name: 'p', prefixes: [] }, 'prefixes'],
    [{ name: 'p', prefixes: ['10.0.0.0/8', '2001:db8::/32'] }, 'prefixes[1]'],
    [{ name: 'p', prefixes: ['10.0.0.0/8'], minPrefixLength: 28, maxPrefixLength: 24 }, 'minPrefixLength'],
    [{ name: 'p', prefixes: ['10.0.0.0/8'], defaultPrefixLength: 33 }, 'defaultPrefixLength'],
  ])('rejects %j before any request', async (params, field) => {
    await expect(createSubnetPool(client(), params as never)).rejects.toMatchObject({ field });
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});
