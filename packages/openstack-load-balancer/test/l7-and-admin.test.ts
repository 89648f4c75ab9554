import { toArray } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createL7Policy,
  createL7Rule,
  deleteL7Policy,
  deleteL7Rule,
  getAmphora,
  getAmphoraStats,
  getL7Policy,
  getL7Rule,
  getLoadBalancerAvailabilityZone,
  getLoadBalancerAvailabilityZoneProfile,
  getLoadBalancerDefaultQuotas,
  getLoadBalancerFlavor,
  getLoadBalancerFlavorProfile,
  getLoadBalancerQuotas,
  listAmphorae,
  listL7Policies,
  listL7Rules,
  listLoadBalancerAvailabilityZoneProfiles,
  listLoadBalancerAvailabilityZones,
  listLoadBalancerFlavorProfiles,
  listLoadBalancerFlavors,
  listLoadBalancerProviders,
  listLoadBalancerQuotas,
  listProviderAvailabilityZoneCapabilities,
  listProviderFlavorCapabilities,
  resetLoadBalancerQuotas,
  updateL7Policy,
  updateL7Rule,
  updateLoadBalancerQuotas,
  waitForL7PolicyDeleted,
  waitForL7PolicyStatus,
  waitForL7RuleStatus,
} from '../src/index.js';
import {
  BASE,
  FAST,
  id,
  LBAAS,
  lastBody,
  octaviaRequests,
  PROJECT,
  policyWire,
  ruleWire,
  setupOctavia,
} from './fixtures/octavia.js';

const { cloud, client } = setupOctavia();
const RULES = `${LBAAS}/l7policies/${id(50)}/rules`;

describe('L7 policies', () => {
  it('lists with filters and parses', async () => {
    cloud.use(
      http.get(`${LBAAS}/l7policies`, () =>
        HttpResponse.json({
          l7policies: [policyWire(50, { rules: [{ id: id(60) }] })],
          l7policies_links: [],
        }),
      ),
    );
    const [p] = await toArray(listL7Policies(client(), { listenerId: id(10), action: 'REDIRECT_TO_URL' }));
    expect(p).toMatchObject({
      listenerId: id(10),
      action: 'REDIRECT_TO_URL',
      position: 1,
      redirectUrl: 'https://example.com/',
      redirectPoolId: undefined,
      redirectHttpCode: 302,
      rules: [id(60)],
    });
    expect(octaviaRequests(cloud)[0]!.url.searchParams.get('listener_id')).toBe(id(10));
  });

  it('creates a redirect-to-pool policy', async () => {
    cloud.use(
      http.post(`${LBAAS}/l7policies`, () => HttpResponse.json({ l7policy: policyWire() }, { status: 201 })),
    );
    await createL7Policy(client(), {
      listenerId: id(10),
      action: 'REDIRECT_TO_POOL',
      redirectPoolId: id(20),
      position: 2,
    });
    expect(await lastBody(cloud)).toEqual({
      l7policy: { listener_id: id(10), action: 'REDIRECT_TO_POOL', redirect_pool_id: id(20), position: 2 },
    });
  });

  it.each([
    [{ action: 'DROP' }, 'action'],
    [{ action: 'REDIRECT_TO_POOL' }, 'redirectPoolId'],
    [{ action: 'REDIRECT_TO_URL' }, 'redirectUrl'],
    [{ action: 'REDIRECT_TO_URL', redirectUrl: 'example.com' }, 'redirectUrl'],
    [{ action: 'REDIRECT_PREFIX', redirectPrefix: 'https://a', redirectHttpCode: 304 }, 'redirectHttpCode'],
    [{ action: 'REJECT', position: 0 }, 'position'],
    [{ action: 'REJECT', listenerId: 'l' }, 'listenerId'],
  ])('refuses %j before any request', async (bad, field) => {
    await expect(createL7Policy(client(), { listenerId: id(10), ...bad } as never)).rejects.toMatchObject({
      field,
    });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('updates, reads, deletes and waits', async () => {
    let gets = 0;
    cloud.use(
      http.put(`${LBAAS}/l7policies/:id`, () =>
        HttpResponse.json({ l7policy: policyWire(50, { action: 'REJECT' }) }),
      ),
      http.get(`${LBAAS}/l7policies/:id`, () =>
        ++gets < 2
          ? HttpResponse.json({ l7policy: policyWire() })
          : HttpResponse.json({ faultstring: 'gone' }, { status: 404 }),
      ),
      http.delete(`${LBAAS}/l7policies/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    expect((await updateL7Policy(client(), id(50), { action: 'REJECT', redirectUrl: null })).action).toBe(
      'REJECT',
    );
    expect(await lastBody(cloud)).toEqual({ l7policy: { action: 'REJECT', redirect_url: null } });
    await waitForL7PolicyStatus(client(), id(50), 'ACTIVE', FAST);
    await deleteL7Policy(client(), id(50));
    await waitForL7PolicyDeleted(client(), id(50), FAST);
    await expect(getL7Policy(client(), id(50))).rejects.toMatchObject({ status: 404 });
  });
});

describe('L7 rules', () => {
  it('lists, creates, updates, reads, deletes and waits', async () => {
    cloud.use(
      http.get(RULES, () => HttpResponse.json({ rules: [ruleWire()], rules_links: [] })),
      http.post(RULES, () => HttpResponse.json({ rule: ruleWire(60, { type: 'HEADER', key: 'X-Env' }) })),
      http.put(`${RULES}/:id`, () => HttpResponse.json({ rule: ruleWire(60, { invert: true }) })),
      http.get(`${RULES}/:id`, () => HttpResponse.json({ rule: ruleWire() })),
      http.delete(`${RULES}/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const [r] = await toArray(listL7Rules(client(), id(50), { type: 'PATH' }));
    expect(r).toMatchObject({
      type: 'PATH',
      compareType: 'STARTS_WITH',
      value: '/old',
      key: undefined,
      invert: false,
    });
    const created = await createL7Rule(client(), id(50), {
      type: 'HEADER',
      compareType: 'EQUAL_TO',
      key: 'X-Env',
      value: 'prod',
      invert: false,
    });
    expect(created.key).toBe('X-Env');
    expect(await lastBody(cloud)).toEqual({
      rule: { type: 'HEADER', compare_type: 'EQUAL_TO', key: 'X-Env', value: 'prod', invert: false },
    });
    expect((await updateL7Rule(client(), id(50), id(60), { invert: true })).invert).toBe(true);
    expect((await getL7Rule(client(), id(50), id(60))).value).toBe('/old');
    await waitForL7RuleStatus(client(), id(50), id(60), 'ACTIVE', FAST);
    await deleteL7Rule(client(), id(50), id(60));
    expect(octaviaRequests(cloud).at(-1)!.method).toBe('DELETE');
  });

  it.each([
    [{ type: 'QUERY' }, 'type'],
    [{ compareType: 'LIKE' }, 'compareType'],
    [{ value: '' }, 'value'],
    [{ type: 'COOKIE' }, 'key'],
  ])('refuses %j before any request', async (bad, field) => {
    const params = { type: 'PATH', compareType: 'REGEX', value: '^/a', ...bad };
    await expect(createL7Rule(client(), id(50), params as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });
});

describe('quotas', () => {
  const quota = {
    loadbalancer: 5,
    listener: -1,
    pool: null,
    member: 50,
    healthmonitor: -1,
    l7policy: 20,
    l7rule: -1,
  };

  it('reads, lists, reads defaults, updates and resets', async () => {
    cloud.use(
      http.get(`${LBAAS}/quotas`, () =>
        HttpResponse.json({
          quotas: [
            { ...quota, project_id: PROJECT },
            { project_id: 'p2', load_balancer: 1, health_monitor: 2 },
          ],
        }),
      ),
      http.get(`${LBAAS}/quotas/defaults`, () => HttpResponse.json({ quota })),
      http.get(`${LBAAS}/quotas/:project`, () => HttpResponse.json({ quota })),
      http.put(`${LBAAS}/quotas/:project`, () =>
        HttpResponse.json({ quota: { ...quota, loadbalancer: 10 } }),
      ),
      http.delete(`${LBAAS}/quotas/:project`, () => new HttpResponse(null, { status: 204 })),
    );
    expect(await getLoadBalancerQuotas(client(), PROJECT)).toMatchObject({
      loadBalancer: 5,
      listener: -1,
      pool: undefined,
      member: 50,
      healthMonitor: -1,
      l7Policy: 20,
      l7Rule: -1,
    });
    const all = await toArray(listLoadBalancerQuotas(client()));
    expect(all[1]).toMatchObject({ projectId: 'p2', loadBalancer: 1, healthMonitor: 2 });
    expect((await getLoadBalancerDefaultQuotas(client())).member).toBe(50);
    expect(octaviaRequests(cloud).at(-1)!.url.pathname).toBe('/v2/lbaas/quotas/defaults');
    const updated = await updateLoadBalancerQuotas(client(), PROJECT, {
      loadBalancer: 10,
      pool: null,
      l7Rule: -1,
    });
    expect(updated.loadBalancer).toBe(10);
    expect(await lastBody(cloud)).toEqual({ quota: { loadbalancer: 10, pool: null, l7rule: -1 } });
    await resetLoadBalancerQuotas(client(), PROJECT);
    expect(octaviaRequests(cloud).at(-1)!.method).toBe('DELETE');
  });

  it.each([
    [{}, 'params'],
    [{ member: -2 }, 'member'],
    [{ member: 1.5 }, 'member'],
  ])('refuses %j before any request', async (params, field) => {
    await expect(updateLoadBalancerQuotas(client(), PROJECT, params as never)).rejects.toMatchObject({
      field,
    });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });
});

describe('providers, flavors, availability zones, amphorae', () => {
  it('lists providers and their capabilities', async () => {
    cloud.use(
      http.get(`${LBAAS}/providers`, () =>
        HttpResponse.json({ providers: [{ name: 'amphora', description: 'The Octavia Amphora driver.' }] }),
      ),
      http.get(`${LBAAS}/providers/:name/flavor_capabilities`, () =>
        HttpResponse.json({
          flavor_capabilities: [{ name: 'loadbalancer_topology', description: 'SINGLE or ACTIVE_STANDBY' }],
        }),
      ),
      http.get(`${LBAAS}/providers/:name/availability_zone_capabilities`, () =>
        HttpResponse.json({ availability_zone_capabilities: [{ name: 'compute_zone' }] }),
      ),
    );
    expect(await toArray(listLoadBalancerProviders(client()))).toEqual([
      { name: 'amphora', description: 'The Octavia Amphora driver.' },
    ]);
    expect((await toArray(listProviderFlavorCapabilities(client(), 'amphora')))[0]!.name).toBe(
      'loadbalancer_topology',
    );
    expect(await toArray(listProviderAvailabilityZoneCapabilities(client(), 'a b'))).toEqual([
      { name: 'compute_zone', description: undefined },
    ]);
    expect(octaviaRequests(cloud).at(-1)!.url.pathname).toBe(
      '/v2/lbaas/providers/a%20b/availability_zone_capabilities',
    );
  });

  it('reads flavors and flavor profiles', async () => {
    const flavor = {
      id: id(70),
      name: 'Basic',
      description: 'one amphora',
      enabled: true,
      flavor_profile_id: id(71),
    };
    const profile = {
      id: id(71),
      name: 'single',
      provider_name: 'amphora',
      flavor_data: '{"loadbalancer_topology": "SINGLE"}',
    };
    cloud.use(
      http.get(`${LBAAS}/flavors`, () => HttpResponse.json({ flavors: [flavor], flavors_links: [] })),
      http.get(`${LBAAS}/flavors/:id`, () => HttpResponse.json({ flavor })),
      http.get(`${LBAAS}/flavorprofiles`, () => HttpResponse.json({ flavorprofiles: [profile] })),
      http.get(`${LBAAS}/flavorprofiles/:id`, () => HttpResponse.json({ flavorprofile: profile })),
    );
    expect(await toArray(listLoadBalancerFlavors(client(), { enabled: true }))).toEqual([
      {
        id: id(70),
        name: 'Basic',
        description: 'one amphora',
        enabled: true,
        flavorProfileId: id(71),
        raw: flavor,
      },
    ]);
    expect(octaviaRequests(cloud)[0]!.url.searchParams.get('enabled')).toBe('true');
    expect((await getLoadBalancerFlavor(client(), id(70))).name).toBe('Basic');
    expect((await toArray(listLoadBalancerFlavorProfiles(client())))[0]!.providerName).toBe('amphora');
    expect(JSON.parse((await getLoadBalancerFlavorProfile(client(), id(71))).flavorData!)).toEqual({
      loadbalancer_topology: 'SINGLE',
    });
  });

  it('reads availability zones and their profiles', async () => {
    const az = { name: 'az1', description: '', enabled: true, availability_zone_profile_id: id(72) };
    const profile = {
      id: id(72),
      name: 'p',
      provider_name: 'amphora',
      availability_zone_data: '{"compute_zone": "nova"}',
    };
    cloud.use(
      http.get(`${LBAAS}/availabilityzones`, () => HttpResponse.json({ availability_zones: [az] })),
      http.get(`${LBAAS}/availabilityzones/:name`, () => HttpResponse.json({ availability_zone: az })),
      http.get(`${LBAAS}/availabilityzoneprofiles`, () =>
        HttpResponse.json({ availability_zone_profiles: [profile] }),
      ),
      http.get(`${LBAAS}/availabilityzoneprofiles/:id`, () =>
        HttpResponse.json({ availability_zone_profile: profile }),
      ),
    );
    expect((await toArray(listLoadBalancerAvailabilityZones(client())))[0]).toMatchObject({
      name: 'az1',
      availabilityZoneProfileId: id(72),
    });
    expect((await getLoadBalancerAvailabilityZone(client(), 'az1')).enabled).toBe(true);
    expect((await toArray(listLoadBalancerAvailabilityZoneProfiles(client())))[0]!.name).toBe('p');
    expect((await getLoadBalancerAvailabilityZoneProfile(client(), id(72))).availabilityZoneData).toContain(
      'nova',
    );
  });

  it('reads amphorae and their stats (admin API under /v2/octavia)', async () => {
    const amp = {
      id: id(80),
      load_balancer_id: id(1),
      compute_id: id(81),
      lb_network_ip: '192.168.1.2',
      vrrp_ip: '192.168.1.5',
      ha_ip: '203.0.113.5',
      cert_expiration: '2030-09-19 00:34:51',
      cert_busy: 0,
      role: 'MASTER',
      status: 'ALLOCATED',
      vrrp_id: 1,
      vrrp_priority: 100,
      created_at: '2026-01-02T03:04:05',
    };
    cloud.use(
      http.get(`${BASE}/octavia/amphorae`, () => HttpResponse.json({ amphorae: [amp], amphorae_links: [] })),
      http.get(`${BASE}/octavia/amphorae/:id`, () => HttpResponse.json({ amphora: amp })),
      http.get(`${BASE}/octavia/amphorae/:id/stats`, () =>
        HttpResponse.json({
          amphora_stats: [
            {
              id: id(80),
              listener_id: id(10),
              loadbalancer_id: id(1),
              active_connections: 1,
              bytes_in: 2,
              bytes_out: 3,
              request_errors: 0,
              total_connections: 4,
            },
          ],
        }),
      ),
    );
    const [a] = await toArray(listAmphorae(client(), { loadBalancerId: id(1), status: 'ALLOCATED' }));
    expect(a).toMatchObject({
      role: 'MASTER',
      status: 'ALLOCATED',
      lbNetworkIp: '192.168.1.2',
      certBusy: false,
    });
    expect(a!.certExpiration?.toISOString()).toBe('2030-09-19T00:34:51.000Z');
    expect(octaviaRequests(cloud)[0]!.url.searchParams.get('load_balancer_id')).toBe(id(1));
    expect((await getAmphora(client(), id(80))).vrrpPriority).toBe(100);
    expect(await getAmphoraStats(client(), id(80))).toEqual([
      {
        listenerId: id(10),
        loadBalancerId: id(1),
        activeConnections: 1,
        bytesIn: 2,
        bytesOut: 3,
        requestErrors: 0,
        totalConnections: 4,
      },
    ]);
  });
});
