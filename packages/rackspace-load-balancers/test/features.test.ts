import { toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import * as api from '../src/index.js';
import { accepted, clbClient, clbRequests, LB, LB_ID, nodeWire, RAX_CLB, rejectionOf } from './support.js';

const cloud = setupMockCloud();
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretkeymaterial\n-----END RSA PRIVATE KEY-----\n';

const sent = async (i = 0) => {
  const r = clbRequests(cloud)[i]!;
  const text = await r.body();
  return {
    method: r.method,
    path: r.url.pathname.replace(/^\/v1\.0\/[^/]+\//, ''),
    query: r.url.search,
    body: text ? JSON.parse(text) : undefined,
  };
};

describe('nodes', () => {
  it('lists, gets, adds, updates and removes nodes in the documented shapes', async () => {
    cloud.use(
      http.get(`${LB}/nodes`, () =>
        HttpResponse.json({ nodes: [nodeWire(), nodeWire({ id: 3102, weight: 8, type: 'SECONDARY' })] }),
      ),
      http.get(`${LB}/nodes/3101`, () => HttpResponse.json({ node: nodeWire() })),
      http.post(`${LB}/nodes`, () =>
        HttpResponse.json({ nodes: [nodeWire({ id: 3200, address: '10.20.0.30' })] }, { status: 202 }),
      ),
      http.put(`${LB}/nodes/3101`, accepted),
      http.put(`${LB}/nodes`, () =>
        HttpResponse.json({ nodes: [nodeWire({ condition: 'DISABLED', metadata: [] })] }),
      ),
      http.delete(`${LB}/nodes/3101`, accepted),
      http.delete(`${LB}/nodes`, accepted),
    );
    const c = clbClient(cloud);
    expect((await toArray(api.listClbNodes(c, LB_ID))).map((n) => [n.id, n.weight, n.type])).toEqual([
      ['3101', 1, 'PRIMARY'],
      ['3102', 8, 'SECONDARY'],
    ]);
    expect((await api.getClbNode(c, LB_ID, '3101')).address).toBe('10.20.0.11');
    const [added] = await api.addClbNodes(c, LB_ID, [
      { address: '10.20.0.30', port: 8080, condition: 'DRAINING' },
    ]);
    expect(added!.id).toBe('3200');
    await api.updateClbNode(c, LB_ID, '3101', { condition: 'DISABLED', weight: 50 });
    const updated = await api.updateClbNodes(c, LB_ID, [{ id: '3101', condition: 'DISABLED' }]);
    expect(updated[0]!.metadata).toEqual([]);
    await api.removeClbNode(c, LB_ID, '3101');
    await api.removeClbNodes(c, LB_ID, ['3101', '3102']);
    expect(await sent(2)).toMatchObject({
      method: 'POST',
      body: { nodes: [{ address: '10.20.0.30', port: 8080, condition: 'DRAINING' }] },
    });
    expect(await sent(3)).toMatchObject({
      method: 'PUT',
      body: { node: { condition: 'DISABLED', weight: 50 } },
    });
    expect(await sent(4)).toMatchObject({ body: { nodes: [{ id: 3101, condition: 'DISABLED' }] } });
    expect(await sent(6)).toMatchObject({ method: 'DELETE', query: '?id=3101&id=3102' });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      'an address that is not an IP',
      () => api.addClbNodes(clbClient(cloud), LB_ID, [{ address: 'localhost', port: 80 }]),
      'nodes[0].address',
    ],
    [
      'port 0',
      () => api.addClbNodes(clbClient(cloud), LB_ID, [{ address: '10.0.0.1', port: 0 }]),
      'nodes[0].port',
    ],
    ['an empty change', () => api.updateClbNode(clbClient(cloud), LB_ID, '1', {}), 'params'],
    ['weight 0', () => api.updateClbNode(clbClient(cloud), LB_ID, '1', { weight: 0 }), 'params.weight'],
    [
      '11 ids',
      () =>
        api.removeClbNodes(
          clbClient(cloud),
          LB_ID,
          Array.from({ length: 11 }, (_, i) => String(i + 1)),
        ),
      'nodeIds',
    ],
  ])('refuses %s before any request', async (_l, call, field) => {
    const err = await rejectionOf<ValidationError>(call());
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(clbRequests(cloud)).toHaveLength(0);
  });

  it('pages node service events', async () => {
    const ids = [81679, 81721, 81800];
    cloud.use(
      http.get(`${LB}/nodes/events`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const start = q.get('marker') ? ids.indexOf(Number(q.get('marker'))) : 0;
        const rows = ids.slice(start, start + Number(q.get('limit')));
        return HttpResponse.json({
          nodeServiceEvents: rows.map((id) => ({
            id,
            nodeId: 3101,
            loadbalancerId: 2200,
            title: 'Node Status Updated',
            detailedMessage: 'timed out',
            created: '2023-03-02T10:00:00Z',
          })),
          links: [],
        });
      }),
    );
    const events = await toArray(api.listClbNodeServiceEvents(clbClient(cloud), LB_ID, { limit: 2 }));
    expect(events.map((e) => e.id)).toEqual(['81679', '81721', '81800']);
    expect(events[0]).toMatchObject({ nodeId: '3101', loadBalancerId: '2200', detailedMessage: 'timed out' });
  });
});

describe('virtual IPs', () => {
  it('lists, adds an IPv6 address and removes one or several', async () => {
    cloud.use(
      http.get(`${LB}/virtualips`, () =>
        HttpResponse.json({
          virtualIps: [{ id: 17, address: '203.0.113.17', type: 'PUBLIC', ipVersion: 'IPV4' }],
        }),
      ),
      http.post(`${LB}/virtualips`, () =>
        HttpResponse.json(
          { id: 9000134, address: '2001:db8::2', type: 'PUBLIC', ipVersion: 'IPV6' },
          { status: 202 },
        ),
      ),
      http.delete(`${LB}/virtualips/9000134`, accepted),
      http.delete(`${LB}/virtualips`, accepted),
    );
    const c = clbClient(cloud);
    expect((await toArray(api.listClbVirtualIps(c, LB_ID)))[0]!.address).toBe('203.0.113.17');
    expect((await api.addClbIpv6VirtualIp(c, LB_ID)).id).toBe('9000134');
    await api.removeClbVirtualIps(c, LB_ID, ['9000134']);
    await api.removeClbVirtualIps(c, LB_ID, ['1', '2']);
    expect(await sent(1)).toMatchObject({ body: { type: 'PUBLIC', ipVersion: 'IPV6' } });
    expect((await sent(2)).path).toBe(`loadbalancers/${LB_ID}/virtualips/9000134`);
    expect((await sent(3)).query).toBe('?id=1&id=2');
  });
});

describe('load balancer settings', () => {
  it('reads and writes the health monitor, persistence, logging, caching, throttling and error page', async () => {
    cloud.use(
      http.get(`${LB}/healthmonitor`, () =>
        HttpResponse.json({
          healthMonitor: {
            type: 'HTTPS',
            delay: 10,
            timeout: 10,
            attemptsBeforeDeactivation: 3,
            path: '/',
            statusRegex: '^2',
            hostHeader: 'shop.example.com',
          },
        }),
      ),
      http.put(`${LB}/healthmonitor`, accepted),
      http.delete(`${LB}/healthmonitor`, accepted),
      http.get(`${LB}/sessionpersistence`, () =>
        HttpResponse.json({ sessionPersistence: { persistenceType: 'HTTP_COOKIE' } }),
      ),
      http.put(`${LB}/sessionpersistence`, accepted),
      http.delete(`${LB}/sessionpersistence`, accepted),
      http.get(`${LB}/connectionlogging`, () => HttpResponse.json({ connectionLogging: { enabled: true } })),
      http.put(`${LB}/connectionlogging`, accepted),
      http.get(`${LB}/contentcaching`, () => HttpResponse.json({ contentCaching: { enabled: 'false' } })),
      http.put(`${LB}/contentcaching`, accepted),
      http.get(`${LB}/connectionthrottle`, () => HttpResponse.json({ connectionThrottle: {} })),
      http.put(`${LB}/connectionthrottle`, accepted),
      http.delete(`${LB}/connectionthrottle`, accepted),
      http.get(`${LB}/errorpage`, () => HttpResponse.json({ errorpage: { content: '<html>Sorry</html>' } })),
      http.put(`${LB}/errorpage`, accepted),
      http.delete(`${LB}/errorpage`, accepted),
    );
    const c = clbClient(cloud);
    expect((await api.getClbHealthMonitor(c, LB_ID))?.hostHeader).toBe('shop.example.com');
    await api.setClbHealthMonitor(c, LB_ID, {
      type: 'CONNECT',
      delay: 5,
      timeout: 2,
      attemptsBeforeDeactivation: 2,
    });
    await api.deleteClbHealthMonitor(c, LB_ID);
    expect(await api.getClbSessionPersistence(c, LB_ID)).toBe('HTTP_COOKIE');
    await api.enableClbSessionPersistence(c, LB_ID, 'SOURCE_IP');
    await api.disableClbSessionPersistence(c, LB_ID);
    expect(await api.getClbConnectionLogging(c, LB_ID)).toBe(true);
    await api.setClbConnectionLogging(c, LB_ID, false);
    expect(await api.getClbContentCaching(c, LB_ID)).toBe(false);
    await api.setClbContentCaching(c, LB_ID, true);
    expect(await api.getClbConnectionThrottle(c, LB_ID)).toBeUndefined();
    await api.setClbConnectionThrottle(c, LB_ID, { maxConnections: 0 });
    await api.deleteClbConnectionThrottle(c, LB_ID);
    expect(await api.getClbErrorPage(c, LB_ID)).toBe('<html>Sorry</html>');
    await api.setClbErrorPage(c, LB_ID, '<html>Back soon</html>');
    await api.deleteClbErrorPage(c, LB_ID);
    const bodies = await Promise.all(clbRequests(cloud).map((_, i) => sent(i)));
    expect(
      bodies.filter((b) => b.method !== 'GET').map((b) => [b.method, b.path.split('/').at(-1), b.body]),
    ).toEqual([
      [
        'PUT',
        'healthmonitor',
        { healthMonitor: { type: 'CONNECT', delay: 5, timeout: 2, attemptsBeforeDeactivation: 2 } },
      ],
      ['DELETE', 'healthmonitor', undefined],
      ['PUT', 'sessionpersistence', { sessionPersistence: { persistenceType: 'SOURCE_IP' } }],
      ['DELETE', 'sessionpersistence', undefined],
      ['PUT', 'connectionlogging', { connectionLogging: { enabled: false } }],
      ['PUT', 'contentcaching', { contentCaching: { enabled: true } }],
      ['PUT', 'connectionthrottle', { connectionThrottle: { maxConnections: 0 } }],
      ['DELETE', 'connectionthrottle', undefined],
      ['PUT', 'errorpage', { errorpage: { content: '<html>Back soon</html>' } }],
      ['DELETE', 'errorpage', undefined],
    ]);
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      'a CONNECT monitor with a path',
      () =>
        api.setClbHealthMonitor(clbClient(cloud), LB_ID, {
          type: 'CONNECT',
          delay: 5,
          timeout: 2,
          attemptsBeforeDeactivation: 2,
          path: '/',
        }),
      'monitor.path',
    ],
    [
      'a delay of 3601',
      () =>
        api.setClbHealthMonitor(clbClient(cloud), LB_ID, {
          type: 'CONNECT',
          delay: 3601,
          timeout: 2,
          attemptsBeforeDeactivation: 2,
        }),
      'monitor.delay',
    ],
    [
      'a regex that does not compile',
      () =>
        api.setClbHealthMonitor(clbClient(cloud), LB_ID, {
          type: 'HTTP',
          delay: 5,
          timeout: 2,
          attemptsBeforeDeactivation: 2,
          path: '/',
          statusRegex: '([',
        }),
      'monitor.statusRegex',
    ],
    [
      'an unknown monitor type',
      () =>
        api.setClbHealthMonitor(clbClient(cloud), LB_ID, {
          type: 'PING' as never,
          delay: 5,
          timeout: 2,
          attemptsBeforeDeactivation: 2,
        }),
      'monitor.type',
    ],
    [
      'an unknown persistence',
      () => api.enableClbSessionPersistence(clbClient(cloud), LB_ID, 'COOKIE' as never),
      'persistenceType',
    ],
    [
      '100001 connections',
      () => api.setClbConnectionThrottle(clbClient(cloud), LB_ID, { maxConnections: 100_001 }),
      'throttle.maxConnections',
    ],
    ['a huge error page', () => api.setClbErrorPage(clbClient(cloud), LB_ID, 'x'.repeat(65_537)), 'content'],
    ['logging "yes"', () => api.setClbConnectionLogging(clbClient(cloud), LB_ID, 'yes' as never), 'enabled'],
  ])('refuses %s before any request', async (_l, call, field) => {
    const err = await rejectionOf<ValidationError>(call());
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(clbRequests(cloud)).toHaveLength(0);
  });
});

describe('access lists', () => {
  it('reads, adds ALLOW/DENY items, and deletes one, several or all', async () => {
    cloud.use(
      http.get(`${LB}/accesslist`, () =>
        HttpResponse.json({ accessList: [{ id: 23, address: '198.51.100.0/24', type: 'DENY' }] }),
      ),
      http.post(`${LB}/accesslist`, accepted),
      http.delete(`${LB}/accesslist/23`, accepted),
      http.delete(`${LB}/accesslist`, accepted),
    );
    const c = clbClient(cloud);
    expect(await api.getClbAccessList(c, LB_ID)).toMatchObject([{ id: '23', type: 'DENY' }]);
    await api.addClbAccessListItems(c, LB_ID, [
      { address: '0.0.0.0/0', type: 'DENY' },
      { address: '192.0.2.7', type: 'ALLOW' },
    ]);
    await api.deleteClbAccessListItems(c, LB_ID, ['23']);
    await api.deleteClbAccessListItems(c, LB_ID, ['23', '24']);
    await api.deleteClbAccessList(c, LB_ID);
    expect(await sent(1)).toMatchObject({
      body: {
        accessList: [
          { address: '0.0.0.0/0', type: 'DENY' },
          { address: '192.0.2.7', type: 'ALLOW' },
        ],
      },
    });
    expect((await sent(3)).query).toBe('?id=23&id=24');
    expect((await sent(4)).query).toBe('');
    await expect(
      api.addClbAccessListItems(c, LB_ID, [{ address: '192.0.2.7', type: 'PERMIT' as never }]),
    ).rejects.toThrow(ValidationError);
    await expect(
      api.addClbAccessListItems(c, LB_ID, [
        { address: '192.0.2.7', type: 'DENY' },
        { address: '192.0.2.7', type: 'ALLOW' },
      ]),
    ).rejects.toThrow(ValidationError);
  });
});

describe('SSL termination', () => {
  it('sends certificate, key and chain, reads the configuration back, and keeps the key out of errors', async () => {
    const ssl = {
      enabled: true,
      secureTrafficOnly: 'true',
      securePort: 443,
      cipherProfile: 'default',
      certificate: PEM,
      intermediateCertificate: PEM,
      securityProtocols: [{ securityProtocolName: 'TLS_10', securityProtocolStatus: 'DISABLED' }],
    };
    let n = 0;
    cloud.use(
      http.get(`${LB}/ssltermination`, () => HttpResponse.json({ sslTermination: ssl })),
      http.put(`${LB}/ssltermination`, async ({ request }) =>
        n++ === 0
          ? HttpResponse.json({ sslTermination: ssl })
          : HttpResponse.json(
              {
                message: `bad key ${((await request.json()) as { sslTermination: { privatekey?: string } }).sslTermination.privatekey}`,
                code: 400,
              },
              { status: 400 },
            ),
      ),
      http.delete(`${LB}/ssltermination`, accepted),
      http.get(`${LB}/ssltermination/ciphers`, () =>
        HttpResponse.json({ ciphers: [{ name: 'TLS_AES_256_GCM_SHA384' }] }),
      ),
    );
    const c = clbClient(cloud);
    const params = {
      securePort: 443,
      certificate: PEM,
      privateKey: KEY,
      intermediateCertificate: PEM,
      secureTrafficOnly: true,
      securityProtocols: [{ name: 'TLS_10' as const, status: 'DISABLED' as const }],
    };
    const out = await api.updateClbSslTermination(c, LB_ID, params);
    expect(out).toMatchObject({
      secureTrafficOnly: true,
      securePort: 443,
      securityProtocols: [{ name: 'TLS_10', status: 'DISABLED' }],
    });
    expect((await sent(0)).body).toEqual({
      sslTermination: {
        securePort: 443,
        certificate: PEM,
        privatekey: KEY,
        intermediateCertificate: PEM,
        secureTrafficOnly: true,
        securityProtocols: [{ securityProtocolName: 'TLS_10', securityProtocolStatus: 'DISABLED' }],
      },
    });
    const err = await rejectionOf(api.updateClbSslTermination(c, LB_ID, params));
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain('secretkeymaterial');
    expect((await api.getClbSslTermination(c, LB_ID)).intermediateCertificate).toBe(PEM);
    expect(await toArray(api.listClbCiphers(c, LB_ID))).toEqual(['TLS_AES_256_GCM_SHA384']);
    await api.deleteClbSslTermination(c, LB_ID);
  });

  it.each<[string, api.UpdateClbSslTerminationParams, string]>([
    ['a certificate without key', { securePort: 443, certificate: PEM }, 'privateKey'],
    ['a key that is not PEM', { securePort: 443, certificate: PEM, privateKey: 'abc' }, 'privateKey'],
    ['credentials without port', { certificate: PEM, privateKey: KEY }, 'securePort'],
    ['port 0', { securePort: 0 }, 'securePort'],
    [
      'TLS_12',
      { securityProtocols: [{ name: 'TLS_12' as never, status: 'DISABLED' }] },
      'securityProtocols[0].name',
    ],
    ['nothing', {}, 'params'],
  ])('refuses %s before any request', async (_l, params, field) => {
    const err = await rejectionOf<ValidationError>(
      api.updateClbSslTermination(clbClient(cloud), LB_ID, params),
    );
    expect(err.field).toBe(field);
    expect(clbRequests(cloud)).toHaveLength(0);
  });

  it('manages certificate mappings', async () => {
    const M = `${LB}/ssltermination/certificatemappings`;
    cloud.use(
      http.get(M, () =>
        HttpResponse.json({
          certificateMappings: [{ certificateMapping: { id: 123, hostName: 'shop.example.com' } }],
        }),
      ),
      http.get(`${M}/123`, () =>
        HttpResponse.json({
          certificateMapping: { id: 123, hostName: 'shop.example.com', certificate: PEM },
        }),
      ),
      http.post(M, () => HttpResponse.json({ certificateMapping: { id: 124, hostName: 'api.example.com' } })),
      http.put(`${M}/123`, accepted),
      http.delete(`${M}/123`, accepted),
    );
    const c = clbClient(cloud);
    expect((await toArray(api.listClbCertificateMappings(c, LB_ID)))[0]).toMatchObject({
      id: '123',
      hostName: 'shop.example.com',
      certificate: undefined,
    });
    expect((await api.getClbCertificateMapping(c, LB_ID, '123')).certificate).toBe(PEM);
    expect(
      (
        await api.addClbCertificateMapping(c, LB_ID, {
          hostName: 'api.example.com',
          certificate: PEM,
          privateKey: KEY,
        })
      ).id,
    ).toBe('124');
    await api.updateClbCertificateMapping(c, LB_ID, '123', { hostName: 'www.example.com' });
    await api.deleteClbCertificateMapping(c, LB_ID, '123');
    expect((await sent(2)).body).toEqual({
      certificateMapping: { hostName: 'api.example.com', certificate: PEM, privateKey: KEY },
    });
    expect((await sent(3)).body).toEqual({ certificateMapping: { hostName: 'www.example.com' } });
  });
});

describe('metadata', () => {
  it('merges, replaces and deletes keys over the id-based items', async () => {
    const items = [
      { id: '1', key: 'color', value: 'red' },
      { id: 2, key: 'label', value: 'web' },
    ];
    cloud.use(
      http.get(`${LB}/metadata`, () => HttpResponse.json({ metadata: items })),
      http.put(`${LB}/metadata/1`, accepted),
      http.post(`${LB}/metadata`, () =>
        HttpResponse.json({ metadata: [{ id: 3, key: 'team', value: 'shop' }] }),
      ),
      http.delete(`${LB}/metadata`, accepted),
    );
    const c = clbClient(cloud);
    expect(await api.getClbLoadBalancerMetadata(c, LB_ID)).toEqual({ color: 'red', label: 'web' });
    expect((await api.listClbLoadBalancerMetadataItems(c, LB_ID)).map((i) => i.id)).toEqual(['1', '2']);
    expect(
      await api.setClbLoadBalancerMetadata(c, LB_ID, { color: 'blue', label: 'web', team: 'shop' }),
    ).toEqual({ color: 'blue', label: 'web', team: 'shop' });
    const writes = async () =>
      (await Promise.all(clbRequests(cloud).map((_, i) => sent(i)))).filter((r) => r.method !== 'GET');
    expect(await writes()).toEqual([
      {
        method: 'PUT',
        path: `loadbalancers/${LB_ID}/metadata/1`,
        query: '',
        body: { meta: { value: 'blue' } },
      },
      {
        method: 'POST',
        path: `loadbalancers/${LB_ID}/metadata`,
        query: '',
        body: { metadata: [{ key: 'team', value: 'shop' }] },
      },
    ]);
    cloud.requests.length = 0;
    await api.replaceClbLoadBalancerMetadata(c, LB_ID, { color: 'red' });
    expect(await writes()).toEqual([
      { method: 'DELETE', path: `loadbalancers/${LB_ID}/metadata`, query: '?id=2', body: undefined },
    ]);
    cloud.requests.length = 0;
    await api.deleteClbLoadBalancerMetadata(c, LB_ID, ['color', 'absent']);
    expect((await writes()).map((w) => w.query)).toEqual(['?id=1']);
    await expect(api.setClbLoadBalancerMetadata(c, LB_ID, { k: 'x'.repeat(257) })).rejects.toThrow(
      ValidationError,
    );
  });

  it('keeps node metadata under the node', async () => {
    cloud.use(
      http.get(`${LB}/nodes/3101/metadata`, () =>
        HttpResponse.json({ metadata: [{ id: 4, key: 'rack', value: 'a1' }] }),
      ),
      http.delete(`${LB}/nodes/3101/metadata`, accepted),
      http.post(`${LB}/nodes/3101/metadata`, () => HttpResponse.json({ metadata: [] })),
    );
    const c = clbClient(cloud);
    expect(await api.getClbNodeMetadata(c, LB_ID, '3101')).toEqual({ rack: 'a1' });
    expect(await api.listClbNodeMetadataItems(c, LB_ID, '3101')).toEqual([
      { id: '4', key: 'rack', value: 'a1' },
    ]);
    await api.setClbNodeMetadata(c, LB_ID, '3101', { zone: 'b' });
    await api.replaceClbNodeMetadata(c, LB_ID, '3101', { zone: 'b' });
    await api.deleteClbNodeMetadata(c, LB_ID, '3101', ['rack']);
    const deletes = clbRequests(cloud).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.url.search)).toEqual(['?id=4', '?id=4']);
  });
});

describe('usage, stats, limits and service lists', () => {
  it('parses the documented bodies', async () => {
    const record = {
      id: 394,
      averageNumConnections: 0.5,
      incomingTransfer: 710,
      outgoingTransfer: 89,
      numVips: 1,
      numPolls: 12,
      startTime: '2023-03-01T09:00:00Z',
      endTime: '2023-03-01T10:00:00Z',
      vipType: 'PUBLIC',
      sslMode: 'OFF',
      eventType: 'CREATE_LOADBALANCER',
    };
    cloud.use(
      http.get(`${LB}/stats`, () => HttpResponse.json({ connectTimeOut: 3, currentConn: 12, maxConnSsl: 4 })),
      http.get(`${LB}/usage/current`, () =>
        HttpResponse.json({ loadBalancerUsageRecords: [record], links: [] }),
      ),
      http.get(`${LB}/usage`, () => HttpResponse.json({ loadBalancerUsageRecords: [record] })),
      http.get(`${RAX_CLB}/loadbalancers/usage`, () =>
        HttpResponse.json({
          accountId: 5806065,
          accountUsage: {
            links: [],
            accountUsageRecords: [
              {
                numLoadBalancers: 1,
                numPublicVips: 1,
                numServicenetVips: 0,
                startTime: '2023-03-01T00:00:00Z',
              },
            ],
          },
          loadBalancerUsages: [
            {
              loadBalancerId: 2200,
              loadBalancerName: 'shop-front',
              loadBalancerUsageRecords: [record],
              links: [],
            },
          ],
        }),
      ),
      http.get(`${RAX_CLB}/limits`, () =>
        HttpResponse.json({
          limits: {
            rate: [
              {
                uri: '/v1.0/*',
                regex: '.*',
                limit: [
                  {
                    verb: 'GET',
                    value: 600,
                    remaining: 599,
                    unit: 'MINUTE',
                    'next-available': '2023-03-01T00:00:00Z',
                  },
                ],
              },
            ],
          },
        }),
      ),
      http.get(`${RAX_CLB}/loadbalancers/absolutelimits`, () =>
        HttpResponse.json({
          absolute: [
            { name: 'NODE_LIMIT', value: 25 },
            { name: 'LOADBALANCER_LIMIT', value: 50 },
          ],
        }),
      ),
      http.get(`${RAX_CLB}/loadbalancers/algorithms`, () =>
        HttpResponse.json({ algorithms: [{ name: 'RANDOM' }, { name: 'ROUND_ROBIN' }] }),
      ),
      http.get(`${RAX_CLB}/loadbalancers/protocols`, () =>
        HttpResponse.json({
          protocols: [
            { name: 'HTTP', port: 80 },
            { name: 'TCP', port: 0 },
          ],
        }),
      ),
      http.get(`${RAX_CLB}/loadbalancers/alloweddomains`, () =>
        HttpResponse.json({ allowedDomains: [{ allowedDomain: { name: 'example.com' } }] }),
      ),
      http.get(`${LB}/clustersourceaddresses`, () =>
        HttpResponse.json({ clusterSourceAddresses: { ipv4Servicenets: ['10.180.0.11'] } }),
      ),
      http.get(`${RAX_CLB}/regionalsourceaddresses`, () =>
        HttpResponse.json({ RegionalSourceAddresses: { ipv4Publicnets: ['198.51.100.9'] } }),
      ),
    );
    const c = clbClient(cloud);
    expect(await api.getClbLoadBalancerStats(c, LB_ID)).toMatchObject({
      connectTimeOut: 3,
      currentConn: 12,
      maxConnSsl: 4,
      connectError: undefined,
    });
    expect((await api.getClbCurrentUsage(c, LB_ID))[0]).toMatchObject({
      id: '394',
      incomingTransfer: 710,
      sslMode: 'OFF',
    });
    await api.getClbUsage(c, LB_ID, { startTime: new Date('2023-03-01T00:00:00Z') });
    expect(clbRequests(cloud)[2]!.url.searchParams.get('startTime')).toBe('2023-03-01T00:00:00Z');
    const account = await api.getClbAccountUsage(c);
    expect(account).toMatchObject({
      accountId: '5806065',
      loadBalancers: [{ loadBalancerId: '2200', loadBalancerName: 'shop-front' }],
    });
    expect(account.accountRecords[0]?.numLoadBalancers).toBe(1);
    expect((await api.getClbRateLimits(c))[0]!.limits[0]).toMatchObject({
      verb: 'GET',
      value: 600,
      remaining: 599,
    });
    expect(await api.getClbAbsoluteLimits(c)).toEqual({ NODE_LIMIT: 25, LOADBALANCER_LIMIT: 50 });
    expect(await toArray(api.listClbAlgorithms(c))).toEqual(['RANDOM', 'ROUND_ROBIN']);
    expect(await toArray(api.listClbProtocols(c))).toEqual([
      { name: 'HTTP', port: 80 },
      { name: 'TCP', port: 0 },
    ]);
    expect(await toArray(api.listClbAllowedDomains(c))).toEqual(['example.com']);
    expect((await api.getClbClusterSourceAddresses(c, LB_ID)).ipv4Servicenets).toEqual(['10.180.0.11']);
    expect((await api.getClbRegionalSourceAddresses(c)).ipv6Publicnets).toEqual([]);
    await expect(api.getClbUsage(c, LB_ID, { endTime: 'soon' })).rejects.toThrow(ValidationError);
  });
});
