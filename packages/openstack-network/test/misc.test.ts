import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  addNetworkingTag,
  clearNetworkingTags,
  getNetworkExtension,
  getNetworkIpAvailability,
  getNetworkingTags,
  getNetworkQuotas,
  getNetworkQuotaUsage,
  hasNetworkExtension,
  listNetworkAvailabilityZones,
  listNetworkExtensions,
  listNetworkIpAvailabilities,
  removeNetworkingTag,
  replaceNetworkingTags,
  setNetworkingTags,
} from '../src/index.js';
import { BASE, id, lastBody, neutronRequests, PROJECT, setupNetwork } from './fixtures/network.js';

const { cloud, client } = setupNetwork();

describe('quotas', () => {
  it('reads limits and usage', async () => {
    cloud.use(
      http.get(`${BASE}/quotas/${PROJECT}`, () =>
        HttpResponse.json({ quota: { network: 100, port: -1, trunk: 5 } }),
      ),
      http.get(`${BASE}/quotas/${PROJECT}/details`, () =>
        HttpResponse.json({
          quota: { network: { used: 2, limit: 100, reserved: 0 }, port: { used: 7, limit: -1 } },
        }),
      ),
    );
    expect(await getNetworkQuotas(client(), PROJECT)).toEqual({ network: 100, port: -1, trunk: 5 });
    expect(await getNetworkQuotaUsage(client(), PROJECT)).toEqual({
      network: { used: 2, limit: 100, reserved: 0 },
      port: { used: 7, limit: -1, reserved: 0 },
    });
    await expect(getNetworkQuotas(client(), ' ')).rejects.toMatchObject({ field: 'projectId' });
  });
});

describe('availability zones and extensions', () => {
  it('lists availability zones with filters', async () => {
    cloud.use(
      http.get(`${BASE}/availability_zones`, () =>
        HttpResponse.json({ availability_zones: [{ name: 'nova', resource: 'router', state: 'available' }] }),
      ),
    );
    expect(await toArray(listNetworkAvailabilityZones(client(), { resource: 'router' }))).toEqual([
      { name: 'nova', resource: 'router', state: 'available' },
    ]);
    expect(neutronRequests(cloud)[0]!.url.search).toBe('?resource=router');
  });

  it('lists and gets extensions, and detects a missing one', async () => {
    const ext = {
      alias: 'standard-attr-tag',
      name: 'Tag support',
      description: 'tags',
      updated: '2017-01-01T00:00:00-00:00',
      links: [],
    };
    cloud.use(
      http.get(`${BASE}/extensions`, () => HttpResponse.json({ extensions: [ext] })),
      http.get(`${BASE}/extensions/standard-attr-tag`, () => HttpResponse.json({ extension: ext })),
      http.get(`${BASE}/extensions/nope`, () =>
        HttpResponse.json({ NeutronError: { message: 'not found' } }, { status: 404 }),
      ),
    );
    const [listed] = await toArray(listNetworkExtensions(client()));
    expect(listed).toMatchObject({ alias: 'standard-attr-tag', name: 'Tag support' });
    expect(listed!.updated?.toISOString()).toBe('2017-01-01T00:00:00.000Z');
    expect((await getNetworkExtension(client(), 'standard-attr-tag')).alias).toBe('standard-attr-tag');
    expect(await hasNetworkExtension(client(), 'standard-attr-tag')).toBe(true);
    expect(await hasNetworkExtension(client(), 'nope')).toBe(false);
    await expect(getNetworkExtension(client(), 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('tags', () => {
  it('maps the house verbs onto Neutron tag requests', async () => {
    const tags = new Set(['a']);
    const path = `${BASE}/ports/${id(3)}/tags`;
    cloud.use(
      http.get(path, () => HttpResponse.json({ tags: [...tags] })),
      http.put(path, async ({ request }) => {
        const body = (await request.json()) as { tags: string[] };
        tags.clear();
        for (const t of body.tags) tags.add(t);
        return HttpResponse.json({ tags: [...tags] });
      }),
      http.delete(path, () => {
        tags.clear();
        return new HttpResponse(null, { status: 204 });
      }),
      http.put(`${path}/:tag`, ({ params }) => {
        tags.add(params.tag as string);
        return new HttpResponse(null, { status: 201 });
      }),
      http.delete(`${path}/:tag`, ({ params }) =>
        tags.delete(params.tag as string)
          ? new HttpResponse(null, { status: 204 })
          : new HttpResponse(null, { status: 404 }),
      ),
    );
    const c = client();
    await addNetworkingTag(c, 'ports', id(3), 'b c');
    expect(neutronRequests(cloud).at(-1)!.url.pathname).toBe(`/v2.0/ports/${id(3)}/tags/b%20c`);
    expect(await setNetworkingTags(c, 'ports', id(3), ['x', 'a', 'x'])).toEqual(['a', 'b c', 'x']);
    // merge: one PUT per distinct tag, then one read; nothing replaced
    expect(
      neutronRequests(cloud)
        .slice(-3)
        .map((r) => `${r.method} ${decodeURIComponent(r.url.pathname.split('/').pop()!)}`),
    ).toEqual(['PUT x', 'PUT a', 'GET tags']);
    await removeNetworkingTag(c, 'ports', id(3), 'a');
    expect(await getNetworkingTags(c, 'ports', id(3))).toEqual(['b c', 'x']);
    await expect(removeNetworkingTag(c, 'ports', id(3), 'a')).rejects.toBeInstanceOf(NotFoundError);
    expect(await replaceNetworkingTags(c, 'ports', id(3), ['only'])).toEqual(['only']);
    expect(await lastBody(cloud)).toEqual({ tags: ['only'] });
    await clearNetworkingTags(c, 'ports', id(3));
    expect(tags.size).toBe(0);
  });

  it.each([
    [() => addNetworkingTag(client(), 'servers' as never, id(1), 'a'), 'resource'],
    [() => addNetworkingTag(client(), 'ports', 'x', 'a'), 'resourceId'],
    [() => addNetworkingTag(client(), 'ports', id(1), ''), 'tag'],
    [() => addNetworkingTag(client(), 'ports', id(1), 'x'.repeat(256)), 'tag'],
    [() => setNetworkingTags(client(), 'ports', id(1), []), 'tags'],
    [() => replaceNetworkingTags(client(), 'ports', id(1), ['a,b']), 'tags[0]'],
  ])('rejects bad tag input before any request (%#)', async (call, field) => {
    const error = await call().catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});

describe('network IP availability', () => {
  it('lists and gets usage per network and subnet', async () => {
    const wire = {
      network_id: id(1),
      network_name: 'net',
      project_id: PROJECT,
      total_ips: 253,
      used_ips: 3,
      subnet_ip_availability: [
        {
          subnet_id: id(2),
          subnet_name: 's',
          cidr: '10.0.0.0/24',
          ip_version: 4,
          total_ips: 253,
          used_ips: 3,
        },
      ],
    };
    cloud.use(
      http.get(`${BASE}/network-ip-availabilities`, () =>
        HttpResponse.json({ network_ip_availabilities: [wire] }),
      ),
      http.get(`${BASE}/network-ip-availabilities/:id`, () =>
        HttpResponse.json({ network_ip_availability: wire }),
      ),
    );
    const [a] = await toArray(listNetworkIpAvailabilities(client(), { ipVersion: 4 }));
    expect(a).toMatchObject({ networkId: id(1), totalIps: 253, usedIps: 3 });
    expect(a!.subnets).toEqual([
      { subnetId: id(2), subnetName: 's', cidr: '10.0.0.0/24', ipVersion: 4, totalIps: 253, usedIps: 3 },
    ]);
    expect((await getNetworkIpAvailability(client(), id(1))).networkName).toBe('net');
  });
});
