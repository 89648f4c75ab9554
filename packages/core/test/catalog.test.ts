import { describe, expect, it } from '@jest/globals';
import { EndpointNotFoundError, listCatalogRegions, resolveEndpoint, ValidationError } from '../src/index.js';
import { normalizeInterface, parseV2Catalog, parseV3Catalog } from '../src/service.js';

const RAX_REGIONS = ['DFW', 'ORD', 'IAD', 'LON', 'SYD', 'HKG'];
const TENANT = '123456';

/** A Rackspace v2.0 serviceCatalog in the shape the Rackspace identity docs show. */
const rackspaceCatalog = parseV2Catalog([
  {
    name: 'cloudFiles',
    type: 'object-store',
    endpoints: RAX_REGIONS.map((r) => ({
      region: r,
      tenantId: `MossoCloudFS_${TENANT}`,
      publicURL: `https://storage101.${r.toLowerCase()}1.clouddrive.com/v1/MossoCloudFS_${TENANT}`,
      internalURL: `https://snet-storage101.${r.toLowerCase()}1.clouddrive.com/v1/MossoCloudFS_${TENANT}`,
    })),
  },
  {
    name: 'cloudFilesCDN',
    type: 'rax:object-cdn',
    endpoints: RAX_REGIONS.map((r) => ({
      region: r,
      tenantId: `MossoCloudFS_${TENANT}`,
      publicURL: `https://cdn1.clouddrive.com/v1/MossoCloudFS_${TENANT}?r=${r}`,
    })),
  },
  {
    name: 'cloudServersOpenStack',
    type: 'compute',
    endpoints: RAX_REGIONS.map((r) => ({
      region: r,
      tenantId: TENANT,
      publicURL: `https://${r.toLowerCase()}.servers.api.rackspacecloud.com/v2/${TENANT}`,
    })),
  },
  {
    name: 'cloudDatabases',
    type: 'rax:database',
    endpoints: RAX_REGIONS.map((r) => ({
      region: r,
      tenantId: TENANT,
      publicURL: `https://${r.toLowerCase()}.databases.api.rackspacecloud.com/v1.0/${TENANT}`,
    })),
  },
  {
    name: 'cloudDNS',
    type: 'rax:dns',
    endpoints: [{ tenantId: TENANT, publicURL: `https://dns.api.rackspacecloud.com/v1.0/${TENANT}` }],
  },
]);

const v3Catalog = parseV3Catalog([
  {
    type: 'object-store',
    name: 'swift',
    id: 's1',
    endpoints: [
      {
        id: 'e1',
        interface: 'public',
        region: 'RegionOne',
        region_id: 'RegionOne',
        url: 'http://one:8080/v1/AUTH_p',
      },
      {
        id: 'e2',
        interface: 'internal',
        region: 'RegionOne',
        region_id: 'RegionOne',
        url: 'http://one-int:8080/v1/AUTH_p',
      },
      {
        id: 'e3',
        interface: 'admin',
        region: 'RegionOne',
        region_id: 'RegionOne',
        url: 'http://one:8080/v1',
      },
      {
        id: 'e4',
        interface: 'public',
        region: 'RegionTwo',
        region_id: 'RegionTwo',
        url: 'http://two:8081/v1/AUTH_p',
      },
    ],
  },
  {
    type: 'compute',
    name: 'nova',
    endpoints: [{ interface: 'public', region_id: 'RegionOne', url: 'http://nova/v2.1' }],
  },
  {
    type: 'compute',
    name: 'nova-legacy',
    endpoints: [{ interface: 'public', region_id: 'RegionOne', url: 'http://nova/v2' }],
  },
  { type: 'identity', name: 'keystone', endpoints: [{ interface: 'weird', url: 'http://x' }] },
]);

describe('parseV3Catalog', () => {
  it('normalises entries and drops endpoints with unknown interfaces', () => {
    expect(v3Catalog[0]?.endpoints[1]).toEqual({
      url: 'http://one-int:8080/v1/AUTH_p',
      interface: 'internal',
      region: 'RegionOne',
      id: 'e2',
    });
    expect(v3Catalog[3]?.endpoints).toEqual([]);
  });
});

describe('parseV2Catalog', () => {
  it('splits publicURL/internalURL/adminURL into endpoints and keeps tenant ids', () => {
    const files = rackspaceCatalog.find((c) => c.name === 'cloudFiles');
    expect(files?.endpoints).toHaveLength(12);
    expect(files?.endpoints[0]).toMatchObject({
      interface: 'public',
      region: 'DFW',
      tenantId: `MossoCloudFS_${TENANT}`,
    });
    expect(files?.endpoints[1]).toMatchObject({ interface: 'internal', region: 'DFW' });
  });
});

describe('resolveEndpoint', () => {
  it('picks the region and interface asked for', () => {
    expect(resolveEndpoint(v3Catalog, { type: 'object-store', region: 'RegionTwo' })).toBe(
      'http://two:8081/v1/AUTH_p',
    );
    expect(
      resolveEndpoint(v3Catalog, { type: 'object-store', region: 'RegionOne', interface: 'internalURL' }),
    ).toBe('http://one-int:8080/v1/AUTH_p');
    expect(
      resolveEndpoint(v3Catalog, { type: 'object-store', region: 'RegionOne', interface: 'admin' }),
    ).toBe('http://one:8080/v1');
  });

  it('resolves every Rackspace region, with ServiceNet as the internal interface', () => {
    for (const region of RAX_REGIONS) {
      expect(resolveEndpoint(rackspaceCatalog, { type: 'object-store', region })).toContain(
        `storage101.${region.toLowerCase()}1`,
      );
      expect(
        resolveEndpoint(rackspaceCatalog, { type: 'object-store', region, interface: 'servicenet' }),
      ).toContain(`snet-storage101.${region.toLowerCase()}1`);
    }
    expect(resolveEndpoint(rackspaceCatalog, { type: 'compute', region: 'LON' })).toBe(
      `https://lon.servers.api.rackspacecloud.com/v2/${TENANT}`,
    );
  });

  it('follows the database <-> rax:database alias', () => {
    expect(resolveEndpoint(rackspaceCatalog, { type: 'database', region: 'SYD' })).toBe(
      `https://syd.databases.api.rackspacecloud.com/v1.0/${TENANT}`,
    );
  });

  it('lets region-less (global) endpoints match any region', () => {
    expect(resolveEndpoint(rackspaceCatalog, { type: 'rax:dns', region: 'HKG' })).toBe(
      `https://dns.api.rackspacecloud.com/v1.0/${TENANT}`,
    );
    expect(resolveEndpoint(rackspaceCatalog, { type: 'rax:dns' })).toContain('dns.api');
  });

  it('uses the only region when none is given, and refuses to guess among several', () => {
    expect(resolveEndpoint(v3Catalog, { type: 'compute' })).toBe('http://nova/v2.1');
    const err = (() => {
      try {
        resolveEndpoint(v3Catalog, { type: 'object-store' });
      } catch (e) {
        return e as EndpointNotFoundError;
      }
    })();
    expect(err).toBeInstanceOf(EndpointNotFoundError);
    expect(err?.message).toContain('RegionOne, RegionTwo');
    expect(err?.availableRegions).toEqual(['RegionOne', 'RegionTwo']);
  });

  it('selects among same-type services by name, else the first in catalog order', () => {
    expect(resolveEndpoint(v3Catalog, { type: 'compute', name: 'nova-legacy' })).toBe('http://nova/v2');
    expect(resolveEndpoint(v3Catalog, { type: 'compute', region: 'RegionOne' })).toBe('http://nova/v2.1');
  });

  it('names the regions and interfaces that exist when nothing matches', () => {
    expect(() => resolveEndpoint(rackspaceCatalog, { type: 'object-store', region: 'MARS' })).toThrow(
      /no endpoint in region MARS; regions offering it: DFW, HKG, IAD, LON, ORD, SYD/,
    );
    expect(() =>
      resolveEndpoint(v3Catalog, { type: 'object-store', region: 'RegionTwo', interface: 'internal' }),
    ).toThrow(/no internal endpoint in region RegionTwo; interfaces there: public/);
    expect(() => resolveEndpoint(v3Catalog, { type: 'volumev3' })).toThrow(
      /no volumev3 service\. It offers: compute \(nova\), compute \(nova-legacy\), identity \(keystone\), object-store \(swift\)/,
    );
    expect(() => resolveEndpoint(v3Catalog, { type: 'compute', name: 'nope' })).toThrow(
      EndpointNotFoundError,
    );
  });

  it('rejects unknown interfaces', () => {
    expect(() => resolveEndpoint(v3Catalog, { type: 'compute', interface: 'backdoor' })).toThrow(
      ValidationError,
    );
    expect(normalizeInterface('PublicURL')).toBe('public');
  });
});

describe('listCatalogRegions', () => {
  it('lists all regions, or those of one service', () => {
    expect(listCatalogRegions(rackspaceCatalog)).toEqual(['DFW', 'HKG', 'IAD', 'LON', 'ORD', 'SYD']);
    expect(listCatalogRegions(v3Catalog)).toEqual(['RegionOne', 'RegionTwo']);
    expect(listCatalogRegions(v3Catalog, 'compute')).toEqual(['RegionOne']);
    expect(listCatalogRegions(rackspaceCatalog, 'database')).toHaveLength(6);
  });
});
