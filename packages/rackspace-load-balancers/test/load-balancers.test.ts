import {
  BadRequestError,
  NotFoundError,
  RateLimitError,
  toArray,
  UnprocessableEntityError,
  ValidationError,
  WaiterFailureError,
} from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  type CreateClbLoadBalancerParams,
  createClbLoadBalancer,
  deleteClbLoadBalancer,
  deleteClbLoadBalancers,
  getClbLoadBalancer,
  isClbImmutableError,
  listClbBillableLoadBalancers,
  listClbLoadBalancers,
  updateClbLoadBalancer,
  waitForClbLoadBalancerDeleted,
  waitForClbLoadBalancerStatus,
} from '../src/index.js';
import {
  accepted,
  clbClient,
  clbRequests,
  detailWire,
  fast,
  immutable,
  LB,
  LB_ID,
  RAX_CLB,
  rejectionOf,
  summaryWire,
} from './support.js';

const cloud = setupMockCloud();

const base: CreateClbLoadBalancerParams = {
  name: 'shop-front',
  protocol: 'HTTP',
  port: 80,
  virtualIps: [{ type: 'PUBLIC' }],
  nodes: [{ address: '10.20.0.11', port: 8080 }],
};

describe('listing load balancers', () => {
  // The guide: a page *begins with* the marker's load balancer. This fake does the same.
  const ids = [101, 102, 103, 104, 105];
  const inclusive = http.get(`${RAX_CLB}/loadbalancers`, ({ request }) => {
    const q = new URL(request.url).searchParams;
    const limit = Number(q.get('limit'));
    const marker = q.get('marker');
    const start = marker ? ids.indexOf(Number(marker)) : 0;
    return HttpResponse.json({
      loadBalancers: ids.slice(start, start + limit).map((id) => summaryWire({ id, name: `lb-${id}` })),
    });
  });

  it('pages by limit and an inclusive marker without repeating or losing a load balancer', async () => {
    cloud.use(inclusive);
    const all = await toArray(listClbLoadBalancers(clbClient(cloud), { limit: 2 }));
    expect(all.map((lb) => lb.id)).toEqual(['101', '102', '103', '104', '105']);
    expect(clbRequests(cloud).map((r) => r.url.searchParams.get('marker'))).toEqual([
      null,
      '102',
      '103',
      '104',
      '105',
    ]);
  });

  it('resumes from a continuationToken', async () => {
    cloud.use(inclusive);
    const clb = clbClient(cloud);
    const first = await listClbLoadBalancers(clb, { limit: 3 }).byPage()[Symbol.asyncIterator]().next();
    expect(first.value!.map((lb: { id: string }) => lb.id)).toEqual(['101', '102', '103']);
    const rest: string[] = [];
    for await (const page of listClbLoadBalancers(clb, { limit: 3 }).byPage({
      continuationToken: first.value!.continuationToken!,
    }))
      rest.push(...page.map((lb) => lb.id));
    expect(rest).toEqual(['104', '105']);
  });

  it('also pages right when the marker is exclusive', async () => {
    cloud.use(
      http.get(`${RAX_CLB}/loadbalancers`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const marker = q.get('marker');
        const start = marker ? ids.indexOf(Number(marker)) + 1 : 0;
        return HttpResponse.json({
          loadBalancers: ids.slice(start, start + Number(q.get('limit'))).map((id) => summaryWire({ id })),
        });
      }),
    );
    expect((await toArray(listClbLoadBalancers(clbClient(cloud), { limit: 2 }))).map((lb) => lb.id)).toEqual([
      '101',
      '102',
      '103',
      '104',
      '105',
    ]);
  });

  it('sends the documented filters and parses the summary', async () => {
    cloud.use(
      http.get(`${RAX_CLB}/loadbalancers`, () => HttpResponse.json({ loadBalancers: [summaryWire()] })),
    );
    const [lb] = await toArray(
      listClbLoadBalancers(clbClient(cloud), {
        name: 'shop-front',
        nodeAddress: '10.20.0.11',
        status: 'DELETED',
        changesSince: new Date('2023-03-01T00:00:00.000Z'),
      }),
    );
    const q = clbRequests(cloud)[0]!.url.searchParams;
    expect(Object.fromEntries(q)).toEqual({
      name: 'shop-front',
      nodeaddress: '10.20.0.11',
      status: 'DELETED',
      'changes-since': '2023-03-01T00:00:00Z',
      limit: '100',
    });
    expect(lb).toMatchObject({ id: '2200', nodeCount: 2, port: 80, status: 'ACTIVE' });
    expect(lb!.created?.toISOString()).toBe('2023-03-01T09:15:00.000Z');
    expect(lb!.virtualIps[0]?.address).toBe('198.51.100.40');
  });

  it.each([
    [{ status: 'GONE' }, 'status'],
    [{ nodeAddress: 'not an address' }, 'nodeAddress'],
    [{ limit: 101 }, 'limit'],
    [{ changesSince: 'yesterday' }, 'changesSince'],
  ])('refuses %j before any request', (params, field) => {
    const err = (() => {
      try {
        listClbLoadBalancers(clbClient(cloud), params as never);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toContain(field);
    expect(clbRequests(cloud)).toHaveLength(0);
  });

  it('lists billable load balancers by offset pages', async () => {
    cloud.use(
      http.get(`${RAX_CLB}/loadbalancers/billable`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const rows = [offset + 1, offset + 2].filter((n) => n <= 3);
        return HttpResponse.json({ loadBalancers: rows.map((id) => summaryWire({ id, status: 'DELETED' })) });
      }),
    );
    const lbs = await toArray(
      listClbBillableLoadBalancers(clbClient(cloud), {
        startTime: '2023-01-01T00:00:00Z',
        endTime: new Date('2023-02-01T00:00:00Z'),
        limit: 2,
      }),
    );
    expect(lbs.map((l) => l.id)).toEqual(['1', '2', '3']);
    const qs = clbRequests(cloud).map((r) => r.url.searchParams);
    expect(qs.map((q) => q.get('offset'))).toEqual([null, '2']);
    expect(qs[0]!.get('startTime')).toBe('2023-01-01T00:00:00Z');
    expect(qs[0]!.get('endTime')).toBe('2023-02-01T00:00:00Z');
    expect(() => listClbBillableLoadBalancers(clbClient(cloud), { startTime: 'x', endTime: 'y' })).toThrow(
      ValidationError,
    );
  });
});

describe('one load balancer', () => {
  it('gets the whole configuration, reading string booleans as booleans', async () => {
    cloud.use(http.get(LB, () => HttpResponse.json({ loadBalancer: detailWire() })));
    const lb = await getClbLoadBalancer(clbClient(cloud), LB_ID);
    expect(lb).toMatchObject({
      id: '2200',
      halfClosed: false,
      httpsRedirect: false,
      cluster: 'ztm-n07.example.lbaas.test',
      connectionLogging: true,
      contentCaching: false,
      sessionPersistence: 'SOURCE_IP',
    });
    expect(lb.connectionThrottle?.maxConnections).toBe(250);
    expect(lb.nodes?.map((n) => [n.id, n.condition])).toEqual([
      ['3101', 'ENABLED'],
      ['3102', 'DRAINING'],
    ]);
    expect(lb.virtualIps.map((v) => v.ipVersion)).toEqual(['IPV4', 'IPV6']);
    expect(lb.sourceAddresses?.ipv4Servicenet).toBe('10.180.0.2');
    expect(lb.raw.cluster).toEqual({ name: 'ztm-n07.example.lbaas.test' });
  });

  it('names the load balancer in a 404 (itemNotFound)', async () => {
    cloud.use(
      http.get(LB, () =>
        HttpResponse.json({ message: 'Load balancer not found', code: 404 }, { status: 404 }),
      ),
    );
    const err = await rejectionOf(getClbLoadBalancer(clbClient(cloud), LB_ID));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain(`load balancer "${LB_ID}"`);
  });

  it('creates with nodes, virtual IPs and features in the documented body', async () => {
    cloud.use(
      http.post(`${RAX_CLB}/loadbalancers`, () =>
        HttpResponse.json({ loadBalancer: detailWire({ status: 'BUILD' }) }, { status: 202 }),
      ),
    );
    const lb = await createClbLoadBalancer(clbClient(cloud), {
      ...base,
      algorithm: 'WEIGHTED_ROUND_ROBIN',
      timeout: 60,
      virtualIps: [{ type: 'SERVICENET', ipVersion: 'IPV4' }, { id: '9100201' }],
      nodes: [
        { address: '10.20.0.11', port: 8080, weight: 5 },
        { address: 'app.example.com', port: 8080, condition: 'DRAINING', type: 'SECONDARY' },
      ],
      accessList: [
        { address: '0.0.0.0/0', type: 'DENY' },
        { address: '2001:db8::/32', type: 'ALLOW' },
      ],
      healthMonitor: { type: 'CONNECT', delay: 10, timeout: 5, attemptsBeforeDeactivation: 3 },
      sessionPersistence: 'HTTP_COOKIE',
      connectionThrottle: { maxConnections: 50 },
      connectionLogging: true,
      metadata: { team: 'shop' },
    });
    expect(lb.status).toBe('BUILD');
    expect(await jsonBody(clbRequests(cloud)[0]!)).toEqual({
      loadBalancer: {
        name: 'shop-front',
        protocol: 'HTTP',
        port: 80,
        algorithm: 'WEIGHTED_ROUND_ROBIN',
        timeout: 60,
        virtualIps: [{ type: 'SERVICENET', ipVersion: 'IPV4' }, { id: 9100201 }],
        nodes: [
          { address: '10.20.0.11', port: 8080, condition: 'ENABLED', weight: 5 },
          { address: 'app.example.com', port: 8080, condition: 'DRAINING', type: 'SECONDARY' },
        ],
        accessList: [
          { address: '0.0.0.0/0', type: 'DENY' },
          { address: '2001:db8::/32', type: 'ALLOW' },
        ],
        healthMonitor: { type: 'CONNECT', delay: 10, timeout: 5, attemptsBeforeDeactivation: 3 },
        sessionPersistence: { persistenceType: 'HTTP_COOKIE' },
        connectionThrottle: { maxConnections: 50 },
        connectionLogging: { enabled: true },
        metadata: [{ key: 'team', value: 'shop' }],
      },
    });
  });

  const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
  it.each<[string, Partial<CreateClbLoadBalancerParams> | Record<string, unknown>, string]>([
    ['port 0', { port: 0 }, 'port'],
    ['port 65536', { port: 65_536 }, 'port'],
    ['no port for TCP', { protocol: 'TCP', port: undefined }, 'port'],
    ['unknown protocol', { protocol: 'HTTP2' }, 'protocol'],
    ['unknown algorithm', { algorithm: 'FASTEST' }, 'algorithm'],
    ['timeout over 120', { timeout: 121 }, 'timeout'],
    ['long name', { name: 'x'.repeat(129) }, 'name'],
    ['no virtual IP', { virtualIps: [] }, 'virtualIps'],
    [
      'SERVICENET IPv6',
      { virtualIps: [{ type: 'SERVICENET', ipVersion: 'IPV6' }] },
      'virtualIps[0].ipVersion',
    ],
    ['id and type', { virtualIps: [{ id: 5, type: 'PUBLIC' }] }, 'virtualIps[0]'],
    [
      'a node address that is not an IP',
      { nodes: [{ address: '10.0.0.300', port: 80 }] },
      'nodes[0].address',
    ],
    ['a single-label node name', { nodes: [{ address: 'web-1', port: 80 }] }, 'nodes[0].address'],
    ['a node port out of range', { nodes: [{ address: '10.0.0.1', port: 70_000 }] }, 'nodes[0].port'],
    [
      'a node weight over 100',
      { nodes: [{ address: '10.0.0.1', port: 80, weight: 101 }] },
      'nodes[0].weight',
    ],
    [
      'an unknown node condition',
      { nodes: [{ address: '10.0.0.1', port: 80, condition: 'ON' }] },
      'nodes[0].condition',
    ],
    ['26 nodes', { nodes: many(26, (i) => ({ address: `10.0.1.${i + 1}`, port: 80 })) }, 'nodes'],
    [
      '101 access-list items',
      { accessList: many(101, (i) => ({ address: `10.1.${i}.0/24`, type: 'DENY' })) },
      'accessList',
    ],
    ['a bad CIDR', { accessList: [{ address: '10.0.0.0/33', type: 'DENY' }] }, 'accessList[0].address'],
    [
      'an HTTP monitor without path',
      {
        healthMonitor: {
          type: 'HTTP',
          delay: 10,
          timeout: 5,
          attemptsBeforeDeactivation: 3,
          statusRegex: '^2',
        },
      },
      'healthMonitor.path',
    ],
    ['an unknown persistence', { sessionPersistence: 'STICKY' }, 'sessionPersistence'],
  ])('refuses %s before any request', async (_label, change, field) => {
    const err = await rejectionOf<ValidationError>(
      createClbLoadBalancer(clbClient(cloud), { ...base, ...change } as CreateClbLoadBalancerParams),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(clbRequests(cloud)).toHaveLength(0);
  });

  it('updates the documented attributes and refuses an empty change', async () => {
    cloud.use(http.put(LB, accepted));
    await updateClbLoadBalancer(clbClient(cloud), LB_ID, {
      name: 'shop-2',
      algorithm: 'RANDOM',
      httpsRedirect: true,
    });
    expect(await jsonBody(clbRequests(cloud)[0]!)).toEqual({
      loadBalancer: { name: 'shop-2', algorithm: 'RANDOM', httpsRedirect: true },
    });
    await expect(updateClbLoadBalancer(clbClient(cloud), LB_ID, {})).rejects.toThrow(ValidationError);
    await expect(updateClbLoadBalancer(clbClient(cloud), LB_ID, { port: -1 })).rejects.toThrow(
      ValidationError,
    );
  });

  it('deletes one, and up to ten with ?id=…&id=…', async () => {
    cloud.use(http.delete(LB, accepted), http.delete(`${RAX_CLB}/loadbalancers`, accepted));
    await deleteClbLoadBalancer(clbClient(cloud), LB_ID);
    await deleteClbLoadBalancers(clbClient(cloud), ['71', 166 as unknown as string]);
    const [one, bulk] = clbRequests(cloud);
    expect(one!.method).toBe('DELETE');
    expect(bulk!.url.searchParams.getAll('id')).toEqual(['71', '166']);
    await expect(
      deleteClbLoadBalancers(
        clbClient(cloud),
        Array.from({ length: 11 }, (_, i) => String(i + 1)),
      ),
    ).rejects.toThrow(ValidationError);
    await expect(deleteClbLoadBalancer(clbClient(cloud), '../x')).rejects.toThrow(ValidationError);
  });

  it('adds the validationErrors messages of a 400 to the error', async () => {
    cloud.use(
      http.delete(`${RAX_CLB}/loadbalancers`, () =>
        HttpResponse.json(
          {
            validationErrors: { messages: ['Load balancer 71 is not in an ACTIVE state'] },
            message: 'Validation Failure',
            code: 400,
            details: 'The object is not valid',
          },
          { status: 400 },
        ),
      ),
    );
    const err = await rejectionOf(deleteClbLoadBalancers(clbClient(cloud), ['71', '72']));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toContain('Validation Failure');
    expect(err.message).toContain('Load balancer 71 is not in an ACTIVE state');
  });

  it('maps an overLimit 413 to RateLimitError with Retry-After', async () => {
    cloud.use(
      http.get(LB, () =>
        HttpResponse.json(
          { overLimit: { code: 413, message: 'OverLimit Retry...', details: 'Error Details...' } },
          { status: 413, headers: { 'retry-after': '7' } },
        ),
      ),
    );
    const err = await rejectionOf<RateLimitError>(
      getClbLoadBalancer(clbClient(cloud), LB_ID, { retryLimit: 0 }),
    );
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(7_000);
  });
});

describe('waiting and sequencing writes', () => {
  function statuses(...list: string[]) {
    let n = 0;
    return http.get(LB, () => {
      const status = list[Math.min(n++, list.length - 1)];
      return HttpResponse.json({ loadBalancer: detailWire({ status }) });
    });
  }

  it('waits through BUILD and PENDING_UPDATE to ACTIVE', async () => {
    cloud.use(statuses('BUILD', 'PENDING_UPDATE', 'ACTIVE'));
    const seen: string[] = [];
    const lb = await waitForClbLoadBalancerStatus(clbClient(cloud), LB_ID, 'ACTIVE', {
      ...fast,
      onPoll: (l) => seen.push(String(l.status)),
    });
    expect(lb.status).toBe('ACTIVE');
    expect(seen).toEqual(['BUILD', 'PENDING_UPDATE', 'ACTIVE']);
  });

  it.each(['ERROR', 'SUSPENDED'])(
    'fails at once on %s, with the load balancer and a hint',
    async (status) => {
      cloud.use(statuses('PENDING_UPDATE', status));
      const err = await rejectionOf<WaiterFailureError>(
        waitForClbLoadBalancerStatus(clbClient(cloud), LB_ID, 'ACTIVE', fast),
      );
      expect(err).toBeInstanceOf(WaiterFailureError);
      expect(err.message).toContain(`is ${status}`);
      expect(err.message).toContain('Rackspace Support');
      expect((err.lastValue as { status: string }).status).toBe(status);
    },
  );

  it('refuses an unknown status before any request', async () => {
    await expect(
      waitForClbLoadBalancerStatus(clbClient(cloud), LB_ID, 'READY' as never, fast),
    ).rejects.toThrow(ValidationError);
    expect(clbRequests(cloud)).toHaveLength(0);
  });

  it('treats a 404 or DELETED as deleted', async () => {
    let n = 0;
    cloud.use(
      http.get(LB, () =>
        n++ === 0
          ? HttpResponse.json({ loadBalancer: detailWire({ status: 'PENDING_DELETE' }) })
          : HttpResponse.json({ message: 'not found', code: 404 }, { status: 404 }),
      ),
    );
    await waitForClbLoadBalancerDeleted(clbClient(cloud), LB_ID, fast);
    expect(n).toBe(2);
    cloud.use(statuses('PENDING_DELETE', 'DELETED'));
    await expect(waitForClbLoadBalancerDeleted(clbClient(cloud), LB_ID, fast)).resolves.toBeUndefined();
  });

  it('does not retry an immutable 422 unless asked', async () => {
    let puts = 0;
    cloud.use(
      http.put(LB, () => {
        puts++;
        return immutable();
      }),
    );
    const err = await rejectionOf(updateClbLoadBalancer(clbClient(cloud), LB_ID, { name: 'x' }));
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect(isClbImmutableError(err)).toBe(true);
    expect(puts).toBe(1);
  });

  it('retries an immutable 422 with backoff when the client asks', async () => {
    let puts = 0;
    cloud.use(http.put(LB, () => (++puts < 3 ? immutable() : accepted())));
    const retries: number[] = [];
    const clb = clbClient(cloud, {
      immutableRetry: { minDelayMs: 1, maxDelayMs: 2, onRetry: (a) => retries.push(a) },
    });
    await updateClbLoadBalancer(clb, LB_ID, { name: 'x' });
    expect(puts).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('retries per call, and a call can turn the client default off', async () => {
    let puts = 0;
    cloud.use(http.put(LB, () => (++puts % 2 === 1 ? immutable() : accepted())));
    await updateClbLoadBalancer(
      clbClient(cloud),
      LB_ID,
      { name: 'x' },
      { immutableRetry: { minDelayMs: 1 } },
    );
    expect(puts).toBe(2);
    const clb = clbClient(cloud, { immutableRetry: { minDelayMs: 1 } });
    await expect(updateClbLoadBalancer(clb, LB_ID, { name: 'y' }, { immutableRetry: false })).rejects.toThrow(
      UnprocessableEntityError,
    );
    expect(puts).toBe(3);
  });

  it('gives up after timeoutMs with the last 422', async () => {
    cloud.use(http.put(LB, immutable));
    const clb = clbClient(cloud, { immutableRetry: { timeoutMs: 30, minDelayMs: 5, maxDelayMs: 10 } });
    const err = await rejectionOf(updateClbLoadBalancer(clb, LB_ID, { name: 'x' }));
    expect(isClbImmutableError(err)).toBe(true);
  });

  it('does not retry a 422 that is not about immutability', async () => {
    let deletes = 0;
    cloud.use(
      http.delete(LB, () => {
        deletes++;
        return HttpResponse.json(
          { message: 'The Object at the specified URI is unprocessable.', code: 422 },
          { status: 422 },
        );
      }),
    );
    const clb = clbClient(cloud, { immutableRetry: { minDelayMs: 1 } });
    const err = await rejectionOf(deleteClbLoadBalancer(clb, LB_ID));
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect(isClbImmutableError(err)).toBe(false);
    expect(deletes).toBe(1);
  });

  it('stops waiting to retry when the signal fires', async () => {
    cloud.use(http.put(LB, immutable));
    const controller = new AbortController();
    const clb = clbClient(cloud, { immutableRetry: { minDelayMs: 10_000 } });
    const pending = updateClbLoadBalancer(clb, LB_ID, { name: 'x' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('refuses bad retry settings before any request', async () => {
    expect(() => clbClient(cloud, { immutableRetry: { timeoutMs: -1 } })).toThrow(ValidationError);
    await expect(
      updateClbLoadBalancer(
        clbClient(cloud),
        LB_ID,
        { name: 'x' },
        { immutableRetry: { minDelayMs: Number.NaN } },
      ),
    ).rejects.toThrow(ValidationError);
  });
});
