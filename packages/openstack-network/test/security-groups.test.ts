import { toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createNetworkSecurityGroup,
  createNetworkSecurityGroupRule,
  createNetworkSecurityGroupRules,
  deleteNetworkSecurityGroup,
  deleteNetworkSecurityGroupRule,
  getNetworkSecurityGroup,
  getNetworkSecurityGroupRule,
  listNetworkSecurityGroupRules,
  listNetworkSecurityGroups,
  updateNetworkSecurityGroup,
} from '../src/index.js';
import {
  BASE,
  id,
  lastBody,
  neutronRequests,
  ruleWire,
  securityGroupWire,
  setupNetwork,
} from './fixtures/network.js';

const { cloud, client } = setupNetwork();
const sg = id(9);

describe('security groups', () => {
  it('creates a stateless group, lists, gets, updates and deletes', async () => {
    cloud.use(
      http.post(`${BASE}/security-groups`, () =>
        HttpResponse.json({ security_group: securityGroupWire(9, { stateful: false }) }, { status: 201 }),
      ),
      http.get(`${BASE}/security-groups`, () =>
        HttpResponse.json({ security_groups: [securityGroupWire()] }),
      ),
      http.get(`${BASE}/security-groups/:id`, () =>
        HttpResponse.json({ security_group: securityGroupWire() }),
      ),
      http.put(`${BASE}/security-groups/:id`, () =>
        HttpResponse.json({ security_group: securityGroupWire(9, { name: 'web2' }) }),
      ),
      http.delete(`${BASE}/security-groups/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const created = await createNetworkSecurityGroup(client(), { name: 'web', stateful: false });
    expect(created).toMatchObject({ stateful: false, name: 'sg-9' });
    expect(created.rules.map((r) => r.ethertype)).toEqual(['IPv4', 'IPv6']);
    expect(await lastBody(cloud)).toEqual({ security_group: { name: 'web', stateful: false } });
    expect((await toArray(listNetworkSecurityGroups(client(), { name: 'sg-9' })))[0]!.id).toBe(sg);
    expect((await getNetworkSecurityGroup(client(), sg)).rules).toHaveLength(2);
    expect((await updateNetworkSecurityGroup(client(), sg, { name: 'web2', ifRevision: 1 })).name).toBe(
      'web2',
    );
    expect(neutronRequests(cloud).at(-1)!.headers.get('if-match')).toBe('revision_number=1');
    await deleteNetworkSecurityGroup(client(), sg);
  });
});

describe('security group rules', () => {
  it('creates ingress TCP from a CIDR, ICMP type/code, and a remote-group rule', async () => {
    cloud.use(
      http.post(`${BASE}/security-group-rules`, async ({ request }) => {
        const body = (await request.json()) as Record<string, any>;
        const rules = body.security_group_rules ?? [body.security_group_rule];
        const out = rules.map((r: Record<string, unknown>, i: number) => ruleWire(200 + i, r));
        return HttpResponse.json(
          body.security_group_rules ? { security_group_rules: out } : { security_group_rule: out[0] },
          { status: 201 },
        );
      }),
    );
    const ssh = await createNetworkSecurityGroupRule(client(), {
      securityGroupId: sg,
      direction: 'ingress',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
      remoteIpPrefix: '203.0.113.0/24',
      description: 'ssh',
    });
    expect(ssh).toMatchObject({
      direction: 'ingress',
      protocol: 'tcp',
      portRangeMin: 22,
      remoteIpPrefix: '203.0.113.0/24',
    });
    expect(await lastBody(cloud)).toEqual({
      security_group_rule: {
        security_group_id: sg,
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: '203.0.113.0/24',
        description: 'ssh',
      },
    });
    const rules = await createNetworkSecurityGroupRules(client(), [
      { securityGroupId: sg, direction: 'ingress', protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 },
      { securityGroupId: sg, direction: 'egress', ethertype: 'IPv6', protocol: 58, remoteGroupId: id(10) },
    ]);
    expect(rules.map((r) => r.protocol)).toEqual(['icmp', '58']);
    expect((await lastBody(cloud)).security_group_rules[1]).toEqual({
      security_group_id: sg,
      direction: 'egress',
      ethertype: 'IPv6',
      protocol: '58',
      remote_group_id: id(10),
    });
  });

  it.each([
    [{ protocol: 'tcp', portRangeMin: 443, portRangeMax: 80 }, 'portRangeMin'],
    [{ protocol: 'udp', portRangeMin: 0, portRangeMax: 80 }, 'portRangeMin'],
    [{ protocol: 'tcp', portRangeMin: 1, portRangeMax: 70000 }, 'portRangeMax'],
    [{ protocol: 'smtp' }, 'protocol'],
    [{ protocol: 300 }, 'protocol'],
    [{ protocol: 'gre', portRangeMin: 1 }, 'portRangeMin'],
    [{ portRangeMin: 22, portRangeMax: 22 }, 'portRangeMin'],
    [{ protocol: 'icmp', portRangeMax: 0 }, 'portRangeMin'],
    [{ protocol: 'icmp', portRangeMin: 256 }, 'portRangeMin'],
    [{ protocol: 'ipv6-icmp' }, 'protocol'],
    [{ remoteIpPrefix: '10.0.0.0/33' }, 'remoteIpPrefix'],
    [{ ethertype: 'IPv6', remoteIpPrefix: '10.0.0.0/8' }, 'remoteIpPrefix'],
    [{ remoteIpPrefix: '10.0.0.0/8', remoteGroupId: id(10) }, 'remoteIpPrefix'],
    [{ direction: 'inbound' }, 'direction'],
    [{ ethertype: 'IPv5' }, 'ethertype'],
  ])('rejects %j before any request', async (extra, field) => {
    const error = await createNetworkSecurityGroupRule(client(), {
      securityGroupId: sg,
      direction: 'ingress',
      ...(extra as object),
    } as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });

  it('lists with filters, gets and deletes', async () => {
    cloud.use(
      http.get(`${BASE}/security-group-rules`, () =>
        HttpResponse.json({ security_group_rules: [ruleWire(1)] }),
      ),
      http.get(`${BASE}/security-group-rules/:id`, () =>
        HttpResponse.json({ security_group_rule: ruleWire(1) }),
      ),
      http.delete(`${BASE}/security-group-rules/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    await toArray(
      listNetworkSecurityGroupRules(client(), {
        securityGroupId: sg,
        direction: 'egress',
        ethertype: 'IPv4',
      }),
    );
    expect(neutronRequests(cloud)[0]!.url.search).toBe(
      `?security_group_id=${sg}&direction=egress&ethertype=IPv4`,
    );
    expect((await getNetworkSecurityGroupRule(client(), id(1))).protocol).toBeUndefined();
    await deleteNetworkSecurityGroupRule(client(), id(1));
  });
});
