import { toArray, ValidationError, WaiterFailureError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createListener,
  createPool,
  deleteListener,
  deletePool,
  getListener,
  getListenerStats,
  getPool,
  listListeners,
  listPools,
  updateListener,
  updatePool,
  waitForListenerDeleted,
  waitForListenerStatus,
  waitForPoolDeleted,
  waitForPoolStatus,
} from '../src/index.js';
import {
  FAST,
  id,
  LBAAS,
  lastBody,
  listenerWire,
  octaviaRequests,
  poolWire,
  setupOctavia,
} from './fixtures/octavia.js';

const { cloud, client } = setupOctavia();

describe('listeners', () => {
  it('lists with filters, following listeners_links', async () => {
    cloud.use(
      http.get(`${LBAAS}/listeners`, ({ request }) =>
        new URL(request.url).searchParams.get('marker')
          ? HttpResponse.json({ listeners: [listenerWire(11)] })
          : HttpResponse.json({
              listeners: [listenerWire(10)],
              listeners_links: [{ rel: 'next', href: `${LBAAS}/listeners?marker=${id(10)}` }],
            }),
      ),
    );
    const all = await toArray(
      listListeners(client(), { loadBalancerId: id(1), protocol: 'HTTP', protocolPort: 80 }),
    );
    expect(all.map((l) => l.id)).toEqual([id(10), id(11)]);
    const q = octaviaRequests(cloud)[0]!.url.searchParams;
    expect(q.get('loadbalancer_id')).toBe(id(1));
    expect(q.get('protocol')).toBe('HTTP');
    expect(q.get('protocol_port')).toBe('80');
    expect(all[0]).toMatchObject({
      protocol: 'HTTP',
      protocolPort: 80,
      loadBalancers: [id(1)],
      defaultPoolId: undefined,
      allowedCidrs: [],
      insertHeaders: {},
      timeoutClientData: 50000,
    });
  });

  it('creates a TERMINATED_HTTPS listener with certificates, headers, timeouts and CIDRs', async () => {
    cloud.use(
      http.post(`${LBAAS}/listeners`, () =>
        HttpResponse.json(
          { listener: listenerWire(10, { protocol: 'TERMINATED_HTTPS', protocol_port: 443 }) },
          { status: 201 },
        ),
      ),
    );
    const l = await createListener(client(), {
      loadBalancerId: id(1),
      protocol: 'TERMINATED_HTTPS',
      protocolPort: 443,
      defaultTlsContainerRef: 'https://barbican/v1/secrets/a',
      sniContainerRefs: ['https://barbican/v1/secrets/b'],
      clientAuthentication: 'OPTIONAL',
      insertHeaders: { 'X-Forwarded-For': 'true', 'X-Forwarded-Proto': 'true' },
      timeoutClientData: 1000,
      timeoutMemberConnect: 2000,
      timeoutMemberData: 3000,
      timeoutTcpInspect: 0,
      connectionLimit: -1,
      allowedCidrs: ['192.0.2.0/24', '2001:db8::/32'],
      tlsVersions: ['TLSv1.2', 'TLSv1.3'],
      alpnProtocols: ['h2', 'http/1.1'],
      hstsMaxAge: 31536000,
      hstsIncludeSubdomains: true,
      hstsPreload: false,
    });
    expect(l.protocol).toBe('TERMINATED_HTTPS');
    expect(await lastBody(cloud)).toEqual({
      listener: {
        loadbalancer_id: id(1),
        protocol: 'TERMINATED_HTTPS',
        protocol_port: 443,
        default_tls_container_ref: 'https://barbican/v1/secrets/a',
        sni_container_refs: ['https://barbican/v1/secrets/b'],
        client_authentication: 'OPTIONAL',
        insert_headers: { 'X-Forwarded-For': 'true', 'X-Forwarded-Proto': 'true' },
        timeout_client_data: 1000,
        timeout_member_connect: 2000,
        timeout_member_data: 3000,
        timeout_tcp_inspect: 0,
        connection_limit: -1,
        allowed_cidrs: ['192.0.2.0/24', '2001:db8::/32'],
        tls_versions: ['TLSv1.2', 'TLSv1.3'],
        alpn_protocols: ['h2', 'http/1.1'],
        hsts_max_age: 31536000,
        hsts_include_subdomains: true,
        hsts_preload: false,
      },
    });
  });

  it.each(['HTTP', 'HTTPS', 'TCP', 'UDP', 'SCTP'] as const)('creates a %s listener', async (protocol) => {
    cloud.use(
      http.post(`${LBAAS}/listeners`, () => HttpResponse.json({ listener: listenerWire(10, { protocol }) })),
    );
    expect(
      (await createListener(client(), { loadBalancerId: id(1), protocol, protocolPort: 53 })).protocol,
    ).toBe(protocol);
  });

  it.each([
    [{ protocolPort: 0 }, 'protocolPort'],
    [{ protocolPort: 65536 }, 'protocolPort'],
    [{ protocolPort: 80.5 }, 'protocolPort'],
    [{ protocol: 'FTP' }, 'protocol'],
    [{ protocol: 'TERMINATED_HTTPS', protocolPort: 443 }, 'defaultTlsContainerRef'],
    [{ loadBalancerId: 'lb' }, 'loadBalancerId'],
    [{ allowedCidrs: ['10.0.0.0/33'] }, 'allowedCidrs[0]'],
    [{ allowedCidrs: ['10.0.0.1'] }, 'allowedCidrs[0]'],
    [{ insertHeaders: { 'X-Forwarded-For': true } }, 'insertHeaders.X-Forwarded-For'],
    [{ timeoutClientData: -1 }, 'timeoutClientData'],
    [{ tlsVersions: ['TLSv9'] }, 'tlsVersions[0]'],
    [{ clientAuthentication: 'SOMETIMES' }, 'clientAuthentication'],
    [{ connectionLimit: -2 }, 'connectionLimit'],
  ])('refuses %j before any request', async (bad, field) => {
    const params = { loadBalancerId: id(1), protocol: 'HTTP', protocolPort: 80, ...bad };
    await expect(createListener(client(), params as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('updates, reads, reads stats, deletes and waits', async () => {
    let gets = 0;
    cloud.use(
      http.put(`${LBAAS}/listeners/:id`, () =>
        HttpResponse.json({ listener: listenerWire(10, { default_pool_id: id(20) }) }),
      ),
      http.get(`${LBAAS}/listeners/:id/stats`, () =>
        HttpResponse.json({
          stats: {
            bytes_in: 1,
            bytes_out: 2,
            active_connections: 3,
            total_connections: 4,
            request_errors: 5,
          },
        }),
      ),
      http.get(`${LBAAS}/listeners/:id`, () =>
        ++gets === 1
          ? HttpResponse.json({ listener: listenerWire(10, { provisioning_status: 'PENDING_UPDATE' }) })
          : gets === 2
            ? HttpResponse.json({ listener: listenerWire(10) })
            : HttpResponse.json({ faultstring: 'gone' }, { status: 404 }),
      ),
      http.delete(`${LBAAS}/listeners/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const l = await updateListener(client(), id(10), { defaultPoolId: id(20), name: 'x' });
    expect(l.defaultPoolId).toBe(id(20));
    expect(await lastBody(cloud)).toEqual({ listener: { default_pool_id: id(20), name: 'x' } });
    expect((await getListenerStats(client(), id(10))).requestErrors).toBe(5);
    expect((await waitForListenerStatus(client(), id(10), 'ACTIVE', FAST)).provisioningStatus).toBe('ACTIVE');
    await deleteListener(client(), id(10));
    await waitForListenerDeleted(client(), id(10), FAST);
    await expect(getListener(client(), id(10))).rejects.toMatchObject({ status: 404 });
    await expect(updateListener(client(), id(10), {})).rejects.toThrow(ValidationError);
  });
});

describe('pools', () => {
  it('lists with filters', async () => {
    cloud.use(
      http.get(`${LBAAS}/pools`, () =>
        HttpResponse.json({ pools: [poolWire(20, { members: [{ id: id(30) }] })] }),
      ),
    );
    const [p] = await toArray(listPools(client(), { loadBalancerId: id(1), lbAlgorithm: 'SOURCE_IP' }));
    expect(p).toMatchObject({ members: [id(30)], listeners: [id(10)], healthMonitorId: undefined });
    expect(octaviaRequests(cloud)[0]!.url.searchParams.get('lb_algorithm')).toBe('SOURCE_IP');
  });

  it('creates with session persistence and TLS to members', async () => {
    cloud.use(
      http.post(`${LBAAS}/pools`, () =>
        HttpResponse.json({
          pool: poolWire(20, {
            session_persistence: { type: 'APP_COOKIE', cookie_name: 'S' },
            tls_enabled: true,
          }),
        }),
      ),
    );
    const p = await createPool(client(), {
      listenerId: id(10),
      protocol: 'HTTPS',
      lbAlgorithm: 'LEAST_CONNECTIONS',
      sessionPersistence: { type: 'APP_COOKIE', cookieName: 'S' },
      tlsEnabled: true,
      caTlsContainerRef: 'https://barbican/v1/secrets/ca',
      tlsVersions: ['TLSv1.3'],
    });
    expect(p.sessionPersistence).toEqual({
      type: 'APP_COOKIE',
      cookieName: 'S',
      persistenceTimeout: undefined,
      persistenceGranularity: undefined,
    });
    expect(await lastBody(cloud)).toEqual({
      pool: {
        listener_id: id(10),
        protocol: 'HTTPS',
        lb_algorithm: 'LEAST_CONNECTIONS',
        session_persistence: { type: 'APP_COOKIE', cookie_name: 'S' },
        tls_enabled: true,
        ca_tls_container_ref: 'https://barbican/v1/secrets/ca',
        tls_versions: ['TLSv1.3'],
      },
    });
  });

  it('creates a UDP pool on a load balancer with SOURCE_IP persistence options', async () => {
    cloud.use(
      http.post(`${LBAAS}/pools`, () => HttpResponse.json({ pool: poolWire(20, { protocol: 'UDP' }) })),
    );
    await createPool(client(), {
      loadBalancerId: id(1),
      protocol: 'UDP',
      lbAlgorithm: 'SOURCE_IP_PORT',
      sessionPersistence: {
        type: 'SOURCE_IP',
        persistenceTimeout: 360,
        persistenceGranularity: '255.255.255.0',
      },
    });
    expect((await lastBody(cloud)).pool.session_persistence).toEqual({
      type: 'SOURCE_IP',
      persistence_timeout: 360,
      persistence_granularity: '255.255.255.0',
    });
  });

  it.each([
    [{ listenerId: undefined }, 'listenerId'],
    [{ protocol: 'SMTP' }, 'protocol'],
    [{ lbAlgorithm: 'RANDOM' }, 'lbAlgorithm'],
    [{ sessionPersistence: { type: 'APP_COOKIE' } }, 'sessionPersistence.cookieName'],
    [{ sessionPersistence: { type: 'STICKY' } }, 'sessionPersistence.type'],
    [{ sessionPersistence: { type: 'HTTP_COOKIE', cookieName: 'x' } }, 'sessionPersistence.cookieName'],
    [{ tlsVersions: ['SSLv2'] }, 'tlsVersions[0]'],
  ])('refuses %j before any request', async (bad, field) => {
    const params = { listenerId: id(10), protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN', ...bad };
    await expect(createPool(client(), params as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('updates (null turns persistence off), reads, deletes and waits', async () => {
    let gets = 0;
    cloud.use(
      http.put(`${LBAAS}/pools/:id`, () => HttpResponse.json({ pool: poolWire() })),
      http.get(`${LBAAS}/pools/:id`, () =>
        ++gets < 3
          ? HttpResponse.json({
              pool: poolWire(20, { provisioning_status: gets === 1 ? 'ACTIVE' : 'ERROR' }),
            })
          : HttpResponse.json({ faultstring: 'gone' }, { status: 404 }),
      ),
      http.delete(`${LBAAS}/pools/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    await updatePool(client(), id(20), { lbAlgorithm: 'ROUND_ROBIN', sessionPersistence: null });
    expect(await lastBody(cloud)).toEqual({
      pool: { lb_algorithm: 'ROUND_ROBIN', session_persistence: null },
    });
    expect((await getPool(client(), id(20))).lbAlgorithm).toBe('ROUND_ROBIN');
    await expect(waitForPoolStatus(client(), id(20), 'ACTIVE', FAST)).rejects.toBeInstanceOf(
      WaiterFailureError,
    );
    await deletePool(client(), id(20));
    await waitForPoolDeleted(client(), id(20), FAST);
  });
});
