import { toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  addServerSecurityGroup,
  allocateFloatingIp,
  associateFloatingIp,
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  disassociateFloatingIp,
  getFloatingIp,
  getSecurityGroup,
  listFloatingIps,
  listSecurityGroups,
  listServerSecurityGroups,
  releaseFloatingIp,
  removeServerSecurityGroup,
} from '../src/index.js';
import { BASE, computeOf, computeRequests, pathOf, SERVER_ID, sent } from './fixtures/compute.js';

const cloud = setupMockCloud();
const fip = {
  id: 'f5f2d3c1-9a51-4c0a-8d4e-6b1f0e3a2c11',
  ip: '172.24.4.10',
  fixed_ip: null,
  instance_id: null,
  pool: 'public',
};
const group = {
  id: 'b1a0f7d2-3c4e-4f5a-9b8c-7d6e5f4a3b2c',
  name: 'web',
  description: 'HTTP in',
  tenant_id: 'p-0123456789',
  rules: [
    {
      id: 'r-1',
      parent_group_id: 'b1a0f7d2-3c4e-4f5a-9b8c-7d6e5f4a3b2c',
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      ip_range: { cidr: '0.0.0.0/0' },
      group: {},
    },
    {
      id: 'r-2',
      parent_group_id: 'b1a0f7d2-3c4e-4f5a-9b8c-7d6e5f4a3b2c',
      ip_protocol: null,
      from_port: null,
      to_port: null,
      ip_range: {},
      group: { name: 'default', tenant_id: 'p-0123456789' },
    },
  ],
};

describe('floating IPs (os-floating-ips)', () => {
  it('lists, gets, allocates and releases', async () => {
    cloud.use(
      http.get(`${BASE}/os-floating-ips`, () =>
        HttpResponse.json({
          floating_ips: [
            fip,
            { ...fip, id: 2, ip: '172.24.4.11', fixed_ip: '10.0.0.5', instance_id: SERVER_ID },
          ],
        }),
      ),
      http.get(`${BASE}/os-floating-ips/:id`, () => HttpResponse.json({ floating_ip: fip })),
      http.post(`${BASE}/os-floating-ips`, () => HttpResponse.json({ floating_ip: fip })),
      http.delete(`${BASE}/os-floating-ips/:id`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = computeOf(cloud);
    expect(await toArray(listFloatingIps(c))).toEqual([
      { id: fip.id, ip: '172.24.4.10', pool: 'public' },
      { id: '2', ip: '172.24.4.11', fixedIp: '10.0.0.5', instanceId: SERVER_ID, pool: 'public' },
    ]);
    expect((await getFloatingIp(c, fip.id)).ip).toBe('172.24.4.10');
    expect((await allocateFloatingIp(c, { pool: 'public' })).id).toBe(fip.id);
    await releaseFloatingIp(c, fip.id);
    const reqs = computeRequests(cloud);
    expect(reqs.map((r) => `${r.method} ${pathOf(r)}`)).toEqual([
      'GET /os-floating-ips',
      `GET /os-floating-ips/${fip.id}`,
      'POST /os-floating-ips',
      `DELETE /os-floating-ips/${fip.id}`,
    ]);
    expect(JSON.parse(await reqs[2]!.body())).toEqual({ pool: 'public' });
  });

  it('associates and disassociates through server actions', async () => {
    cloud.use(
      http.post(`${BASE}/servers/${SERVER_ID}/action`, () => new HttpResponse(null, { status: 202 })),
    );
    await associateFloatingIp(computeOf(cloud), SERVER_ID, {
      address: '172.24.4.10',
      fixedAddress: '10.0.0.5',
    });
    expect(await sent(cloud)).toEqual({
      method: 'POST',
      path: `/servers/${SERVER_ID}/action`,
      body: { addFloatingIp: { address: '172.24.4.10', fixed_address: '10.0.0.5' } },
    });
  });

  it('disassociates with removeFloatingIp', async () => {
    cloud.use(
      http.post(`${BASE}/servers/${SERVER_ID}/action`, () => new HttpResponse(null, { status: 202 })),
    );
    await disassociateFloatingIp(computeOf(cloud), SERVER_ID, '172.24.4.10');
    expect((await sent(cloud)).body).toEqual({ removeFloatingIp: { address: '172.24.4.10' } });
  });

  it('refuses the proxy from 2.36 and the actions from 2.44, pointing at Neutron', async () => {
    expect(() => listFloatingIps(computeOf(cloud, { microversion: '2.36' }))).toThrow(/Neutron/);
    await expect(allocateFloatingIp(computeOf(cloud, { microversion: '2.36' }))).rejects.toThrow(
      ValidationError,
    );
    const c244 = computeOf(cloud, { microversion: '2.44' });
    await expect(associateFloatingIp(c244, SERVER_ID, { address: '1.2.3.4' })).rejects.toThrow(
      /addFloatingIp is not available at compute microversion 2\.44.*Neutron/,
    );
    await expect(disassociateFloatingIp(c244, SERVER_ID, '1.2.3.4')).rejects.toThrow(/removeFloatingIp/);
    await expect(associateFloatingIp(computeOf(cloud), SERVER_ID, { address: '' })).rejects.toThrow(
      ValidationError,
    );
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('names the floating IP on a 404', async () => {
    cloud.use(
      http.delete(`${BASE}/os-floating-ips/9`, () =>
        HttpResponse.json(
          { itemNotFound: { code: 404, message: 'Floating IP not found for ID 9' } },
          { status: 404 },
        ),
      ),
    );
    await expect(releaseFloatingIp(computeOf(cloud), '9')).rejects.toThrow('floating IP "9" was not found');
  });
});

describe('security groups (os-security-groups)', () => {
  it('lists and gets groups with their rules', async () => {
    cloud.use(
      http.get(`${BASE}/os-security-groups`, () => HttpResponse.json({ security_groups: [group] })),
      http.get(`${BASE}/os-security-groups/:id`, () => HttpResponse.json({ security_group: group })),
    );
    const [g] = await toArray(listSecurityGroups(computeOf(cloud), { allTenants: true }));
    expect(g).toEqual({
      id: group.id,
      name: 'web',
      description: 'HTTP in',
      tenantId: 'p-0123456789',
      rules: [
        {
          id: 'r-1',
          parentGroupId: group.id,
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidr: '0.0.0.0/0',
        },
        { id: 'r-2', parentGroupId: group.id, group: { name: 'default', tenantId: 'p-0123456789' } },
      ],
    });
    expect(computeRequests(cloud)[0]!.url.search).toBe('?all_tenants=true');
    expect((await getSecurityGroup(computeOf(cloud), group.id)).name).toBe('web');
  });

  it('creates and deletes groups and rules', async () => {
    cloud.use(
      http.post(`${BASE}/os-security-groups`, () =>
        HttpResponse.json({ security_group: { ...group, rules: [] } }),
      ),
      http.delete(`${BASE}/os-security-groups/:id`, () => new HttpResponse(null, { status: 202 })),
      http.post(`${BASE}/os-security-group-rules`, () =>
        HttpResponse.json({ security_group_rule: group.rules[0] }),
      ),
      http.delete(`${BASE}/os-security-group-rules/:id`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = computeOf(cloud);
    await createSecurityGroup(c, { name: 'web', description: 'HTTP in' });
    const rule = await createSecurityGroupRule(c, {
      parentGroupId: group.id,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidr: '0.0.0.0/0',
    });
    expect(rule.cidr).toBe('0.0.0.0/0');
    await deleteSecurityGroupRule(c, 'r-1');
    await deleteSecurityGroup(c, group.id);
    const reqs = computeRequests(cloud);
    expect(reqs.map((r) => `${r.method} ${pathOf(r)}`)).toEqual([
      'POST /os-security-groups',
      'POST /os-security-group-rules',
      'DELETE /os-security-group-rules/r-1',
      `DELETE /os-security-groups/${group.id}`,
    ]);
    expect(JSON.parse(await reqs[0]!.body())).toEqual({
      security_group: { name: 'web', description: 'HTTP in' },
    });
    expect(JSON.parse(await reqs[1]!.body())).toEqual({
      security_group_rule: {
        parent_group_id: group.id,
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr: '0.0.0.0/0',
      },
    });
  });

  it('rejects bad rules before any request', async () => {
    const c = computeOf(cloud);
    const base = { parentGroupId: group.id, ipProtocol: 'tcp' as const, fromPort: 80, toPort: 80 };
    await expect(createSecurityGroupRule(c, { ...base, ipProtocol: 'sctp' as 'tcp' })).rejects.toThrow(
      /ipProtocol/,
    );
    await expect(createSecurityGroupRule(c, { ...base, toPort: 70000 })).rejects.toThrow(
      /toPort must be an integer between 1 and 65535/,
    );
    await expect(createSecurityGroupRule(c, { ...base, fromPort: 90 })).rejects.toThrow(
      /fromPort must not be greater/,
    );
    await expect(createSecurityGroupRule(c, { ...base, cidr: '0.0.0.0/0', groupId: 'g' })).rejects.toThrow(
      /not both/,
    );
    await expect(createSecurityGroup(c, { name: '' })).rejects.toThrow(ValidationError);
    expect(() => listSecurityGroups(computeOf(cloud, { microversion: '2.36' }))).toThrow(/Neutron/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('adds, removes and lists a server groups at any microversion', async () => {
    cloud.use(
      http.post(`${BASE}/servers/${SERVER_ID}/action`, () => new HttpResponse(null, { status: 202 })),
      http.get(`${BASE}/servers/${SERVER_ID}/os-security-groups`, () =>
        HttpResponse.json({ security_groups: [group] }),
      ),
    );
    const c = computeOf(cloud, { microversion: '2.90' });
    await addServerSecurityGroup(c, SERVER_ID, 'web');
    await removeServerSecurityGroup(c, SERVER_ID, 'web');
    const groups = await toArray(listServerSecurityGroups(c, SERVER_ID));
    expect(groups.map((g) => g.name)).toEqual(['web']);
    const reqs = computeRequests(cloud);
    expect(JSON.parse(await reqs[0]!.body())).toEqual({ addSecurityGroup: { name: 'web' } });
    expect(JSON.parse(await reqs[1]!.body())).toEqual({ removeSecurityGroup: { name: 'web' } });
    expect(pathOf(reqs[2]!)).toBe(`/servers/${SERVER_ID}/os-security-groups`);
  });
});
