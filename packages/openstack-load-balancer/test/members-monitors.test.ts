import { toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createHealthMonitor,
  createMember,
  deleteHealthMonitor,
  deleteMember,
  getHealthMonitor,
  getMember,
  listHealthMonitors,
  listMembers,
  replacePoolMembers,
  updateHealthMonitor,
  updateMember,
  waitForHealthMonitorDeleted,
  waitForHealthMonitorStatus,
  waitForMemberDeleted,
  waitForMemberStatus,
} from '../src/index.js';
import {
  FAST,
  id,
  LBAAS,
  lastBody,
  memberWire,
  monitorWire,
  octaviaRequests,
  setupOctavia,
} from './fixtures/octavia.js';

const { cloud, client } = setupOctavia();
const MEMBERS = `${LBAAS}/pools/${id(20)}/members`;

describe('members', () => {
  it('lists the members of a pool with filters, following members_links', async () => {
    cloud.use(
      http.get(MEMBERS, ({ request }) =>
        new URL(request.url).searchParams.get('marker')
          ? HttpResponse.json({ members: [memberWire(31, { address: '2001:db8::1' })] })
          : HttpResponse.json({
              members: [memberWire(30)],
              members_links: [{ rel: 'next', href: `${MEMBERS}?marker=${id(30)}` }],
            }),
      ),
    );
    const ms = await toArray(listMembers(client(), id(20), { operatingStatus: 'NO_MONITOR', weight: 1 }));
    expect(ms.map((m) => m.address)).toEqual(['192.0.2.10', '2001:db8::1']);
    expect(ms[0]).toMatchObject({ protocolPort: 8080, weight: 1, backup: false, monitorPort: undefined });
    const q = octaviaRequests(cloud)[0]!.url.searchParams;
    expect(q.get('operating_status')).toBe('NO_MONITOR');
    expect(q.get('weight')).toBe('1');
  });

  it('creates a member with every field', async () => {
    cloud.use(http.post(MEMBERS, () => HttpResponse.json({ member: memberWire() }, { status: 201 })));
    await createMember(client(), id(20), {
      address: '192.0.2.10',
      protocolPort: 8080,
      subnetId: id(90),
      weight: 256,
      backup: true,
      monitorAddress: '192.0.2.11',
      monitorPort: 9000,
      name: 'web',
      adminStateUp: true,
      tags: ['t'],
    });
    expect(await lastBody(cloud)).toEqual({
      member: {
        address: '192.0.2.10',
        protocol_port: 8080,
        subnet_id: id(90),
        weight: 256,
        backup: true,
        monitor_address: '192.0.2.11',
        monitor_port: 9000,
        name: 'web',
        admin_state_up: true,
        tags: ['t'],
      },
    });
  });

  it.each([
    [{ address: 'web-1' }, 'address'],
    [{ address: '192.0.2.300' }, 'address'],
    [{ address: undefined }, 'address'],
    [{ protocolPort: 0 }, 'protocolPort'],
    [{ protocolPort: 70000 }, 'protocolPort'],
    [{ weight: 257 }, 'weight'],
    [{ monitorPort: 65536 }, 'monitorPort'],
    [{ monitorAddress: 'x' }, 'monitorAddress'],
    [{ subnetId: 'x' }, 'subnetId'],
  ])('refuses %j before any request', async (bad, field) => {
    const params = { address: '192.0.2.10', protocolPort: 80, ...bad };
    await expect(createMember(client(), id(20), params as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('replaces the member set in one request, additive only on demand', async () => {
    cloud.use(http.put(MEMBERS, () => new HttpResponse(null, { status: 202 })));
    await replacePoolMembers(client(), id(20), [
      { address: '192.0.2.10', protocolPort: 80 },
      { address: '2001:db8::2', protocolPort: 80, weight: 0, backup: true },
    ]);
    expect(await lastBody(cloud)).toEqual({
      members: [
        { address: '192.0.2.10', protocol_port: 80 },
        { address: '2001:db8::2', protocol_port: 80, weight: 0, backup: true },
      ],
    });
    expect(octaviaRequests(cloud)[0]!.url.search).toBe('');
    await replacePoolMembers(client(), id(20), [], { additiveOnly: true });
    const last = octaviaRequests(cloud).at(-1)!;
    expect(last.url.searchParams.get('additive_only')).toBe('true');
    expect(await lastBody(cloud)).toEqual({ members: [] });
  });

  it.each([
    [[{ address: 'db', protocolPort: 80 }], 'members[0].address'],
    [
      [
        { address: '192.0.2.1', protocolPort: 80 },
        { address: '192.0.2.2', protocolPort: 0 },
      ],
      'members[1].protocolPort',
    ],
    [
      [
        { address: '192.0.2.1', protocolPort: 80 },
        { address: '192.0.2.1', protocolPort: 80 },
      ],
      'members[1]',
    ],
    ['not a list', 'members'],
  ])('refuses a bad batch %j before any request', async (members, field) => {
    await expect(replacePoolMembers(client(), id(20), members as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('updates, reads, deletes and waits', async () => {
    let gets = 0;
    cloud.use(
      http.put(`${MEMBERS}/:id`, () => HttpResponse.json({ member: memberWire(30, { weight: 0 }) })),
      http.get(`${MEMBERS}/:id`, () =>
        ++gets < 3
          ? HttpResponse.json({
              member: memberWire(30, { provisioning_status: gets === 1 ? 'PENDING_UPDATE' : 'ACTIVE' }),
            })
          : HttpResponse.json({ faultstring: 'gone' }, { status: 404 }),
      ),
      http.delete(`${MEMBERS}/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    expect((await updateMember(client(), id(20), id(30), { weight: 0, monitorPort: null })).weight).toBe(0);
    expect(await lastBody(cloud)).toEqual({ member: { weight: 0, monitor_port: null } });
    expect((await waitForMemberStatus(client(), id(20), id(30), 'ACTIVE', FAST)).provisioningStatus).toBe(
      'ACTIVE',
    );
    await deleteMember(client(), id(20), id(30));
    await waitForMemberDeleted(client(), id(20), id(30), FAST);
    await expect(getMember(client(), id(20), id(30))).rejects.toMatchObject({ status: 404 });
    await expect(updateMember(client(), id(20), id(30), {})).rejects.toThrow(ValidationError);
  });
});

describe('health monitors', () => {
  it('lists with filters and parses http_version given as a number or a string', async () => {
    cloud.use(
      http.get(`${LBAAS}/healthmonitors`, () =>
        HttpResponse.json({ healthmonitors: [monitorWire(40), monitorWire(41, { http_version: '1.1' })] }),
      ),
    );
    const hms = await toArray(listHealthMonitors(client(), { poolId: id(20), type: 'HTTP' }));
    expect(hms.map((h) => h.httpVersion)).toEqual([1, 1.1]);
    expect(hms[0]).toMatchObject({
      pools: [id(20)],
      delay: 5,
      timeout: 3,
      maxRetries: 3,
      expectedCodes: '200',
    });
    expect(octaviaRequests(cloud)[0]!.url.searchParams.get('pool_id')).toBe(id(20));
  });

  it('creates an HTTP monitor with every field', async () => {
    cloud.use(
      http.post(`${LBAAS}/healthmonitors`, () => HttpResponse.json({ healthmonitor: monitorWire() })),
    );
    await createHealthMonitor(client(), {
      poolId: id(20),
      type: 'HTTPS',
      delay: 10,
      timeout: 5,
      maxRetries: 3,
      maxRetriesDown: 2,
      httpMethod: 'HEAD',
      httpVersion: 1.1,
      urlPath: '/healthz',
      expectedCodes: '200,202',
      domainName: 'example.com',
    });
    expect(await lastBody(cloud)).toEqual({
      healthmonitor: {
        pool_id: id(20),
        type: 'HTTPS',
        delay: 10,
        timeout: 5,
        max_retries: 3,
        max_retries_down: 2,
        http_method: 'HEAD',
        http_version: 1.1,
        url_path: '/healthz',
        expected_codes: '200,202',
        domain_name: 'example.com',
      },
    });
  });

  it.each(['PING', 'TCP', 'UDP-CONNECT', 'TLS-HELLO', 'SCTP'] as const)(
    'creates a %s monitor',
    async (type) => {
      cloud.use(
        http.post(`${LBAAS}/healthmonitors`, () =>
          HttpResponse.json({ healthmonitor: monitorWire(40, { type }) }),
        ),
      );
      const hm = await createHealthMonitor(client(), {
        poolId: id(20),
        type,
        delay: 5,
        timeout: 3,
        maxRetries: 1,
      });
      expect(hm.type).toBe(type);
    },
  );

  it.each([
    [{ type: 'ICMP' }, 'type'],
    [{ maxRetries: 0 }, 'maxRetries'],
    [{ maxRetries: 11 }, 'maxRetries'],
    [{ maxRetriesDown: 11 }, 'maxRetriesDown'],
    [{ delay: undefined }, 'delay'],
    [{ timeout: 10 }, 'timeout'],
    [{ expectedCodes: '2xx' }, 'expectedCodes'],
    [{ expectedCodes: '600' }, 'expectedCodes'],
    [{ httpMethod: 'FETCH' }, 'httpMethod'],
    [{ httpVersion: 2 }, 'httpVersion'],
    [{ urlPath: 'healthz' }, 'urlPath'],
    [{ type: 'TCP', urlPath: '/' }, 'urlPath'],
    [{ poolId: 'p' }, 'poolId'],
  ])('refuses %j before any request', async (bad, field) => {
    const params = { poolId: id(20), type: 'HTTP', delay: 5, timeout: 3, maxRetries: 3, ...bad };
    await expect(createHealthMonitor(client(), params as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('updates, reads, deletes and waits', async () => {
    let gets = 0;
    cloud.use(
      http.put(`${LBAAS}/healthmonitors/:id`, () =>
        HttpResponse.json({ healthmonitor: monitorWire(40, { delay: 7 }) }),
      ),
      http.get(`${LBAAS}/healthmonitors/:id`, () =>
        ++gets < 2
          ? HttpResponse.json({ healthmonitor: monitorWire() })
          : HttpResponse.json({ faultstring: 'gone' }, { status: 404 }),
      ),
      http.delete(`${LBAAS}/healthmonitors/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    expect((await updateHealthMonitor(client(), id(40), { delay: 7, domainName: null })).delay).toBe(7);
    expect(await lastBody(cloud)).toEqual({ healthmonitor: { delay: 7, domain_name: null } });
    expect((await waitForHealthMonitorStatus(client(), id(40), 'ACTIVE', FAST)).id).toBe(id(40));
    await deleteHealthMonitor(client(), id(40));
    await waitForHealthMonitorDeleted(client(), id(40), FAST);
    await expect(getHealthMonitor(client(), id(40))).rejects.toMatchObject({ status: 404 });
  });
});
