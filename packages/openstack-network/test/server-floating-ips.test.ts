import { toArray, ValidationError } from '@cloud/core';
import { jsonBody } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  type AssignServerFloatingIpParams,
  assignServerFloatingIp,
  listServerPorts,
  releaseServerFloatingIps,
  ServerPortError,
} from '../src/index.js';
import {
  BASE,
  floatingIpWire,
  id,
  neutronRequests,
  PROJECT,
  portWire,
  setupNetwork,
} from './fixtures/network.js';

const { cloud, client } = setupNetwork();

const SERVER = id(900);
const EXT = id(50);

/** `GET /ports?device_id=SERVER` answers these ports; other device ids get none. */
const serverPorts = (...ports: Record<string, unknown>[]) =>
  http.get(`${BASE}/ports`, ({ request }) => {
    const device = new URL(request.url).searchParams.get('device_id');
    return HttpResponse.json({ ports: device === SERVER ? ports : [], ports_links: [] });
  });

/** `GET /floatingips`: the fips matching the port_id / floating_network_id filters. */
const floatingIps = (...fips: ReturnType<typeof floatingIpWire>[]) =>
  http.get(`${BASE}/floatingips`, ({ request }) => {
    const q = new URL(request.url).searchParams;
    const ports = q.getAll('port_id');
    const net = q.get('floating_network_id');
    const found = fips.filter(
      (f) =>
        (ports.length === 0 || ports.includes(String(f.port_id))) &&
        (net === null || f.floating_network_id === net),
    );
    return HttpResponse.json({ floatingips: found, floatingips_links: [] });
  });

/** `PUT /floatingips/:id` echoes the association. */
const associate = (status = 'DOWN') =>
  http.put(`${BASE}/floatingips/:id`, async ({ request, params }) => {
    const body = (await request.json()) as {
      floatingip: { port_id: string | null; fixed_ip_address?: string };
    };
    const port = body.floatingip.port_id;
    const n = Number(String(params.id).slice(-3));
    return HttpResponse.json({
      floatingip: floatingIpWire(n, {
        id: params.id,
        status: port ? status : 'DOWN',
        port_id: port,
        fixed_ip_address: port ? (body.floatingip.fixed_ip_address ?? '10.0.0.5') : null,
      }),
    });
  });

const calls = () => neutronRequests(cloud).map((r) => `${r.method} ${r.url.pathname.replace('/v2.0', '')}`);

describe('listServerPorts', () => {
  it('lists the ports whose device_id is the server, with other filters', async () => {
    cloud.use(serverPorts(portWire(3, { device_id: SERVER })));
    const ports = await toArray(listServerPorts(client(), SERVER, { networkId: id(1) }));
    expect(ports.map((p) => p.id)).toEqual([id(3)]);
    const q = neutronRequests(cloud)[0]!.url.searchParams;
    expect(q.get('device_id')).toBe(SERVER);
    expect(q.get('network_id')).toBe(id(1));
  });

  it('rejects a server id that is not a UUID before any request', () => {
    expect(() => listServerPorts(client(), 'web-01')).toThrow(/serverId must be a UUID/);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});

describe('assignServerFloatingIp', () => {
  it('reuses an unassociated floating IP of the project on the external network', async () => {
    cloud.use(
      serverPorts(portWire(3, { device_id: SERVER })),
      floatingIps(
        floatingIpWire(101, { port_id: id(77), fixed_ip_address: '10.0.0.9' }),
        floatingIpWire(102),
        floatingIpWire(103, { floating_network_id: id(51) }),
      ),
      associate(),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT });
    expect(fip).toMatchObject({ id: id(102), portId: id(3), fixedIpAddress: '10.0.0.5', status: 'DOWN' });
    expect(calls()).toEqual([
      'GET /ports',
      'GET /floatingips',
      'GET /floatingips',
      `PUT /floatingips/${id(102)}`,
    ]);
    const reuse = neutronRequests(cloud)[2]!.url.searchParams;
    expect(reuse.get('floating_network_id')).toBe(EXT);
    expect(reuse.get('project_id')).toBe(PROJECT);
    expect(await jsonBody(neutronRequests(cloud)[3]!)).toEqual({ floatingip: { port_id: id(3) } });
  });

  it('allocates a new floating IP on the port when none is free', async () => {
    cloud.use(
      serverPorts(portWire(3, { device_id: SERVER })),
      floatingIps(floatingIpWire(101, { port_id: id(77) })),
      http.post(`${BASE}/floatingips`, async ({ request }) => {
        const body = (await request.json()) as { floatingip: Record<string, string> };
        return HttpResponse.json(
          {
            floatingip: floatingIpWire(104, {
              port_id: body.floatingip.port_id,
              fixed_ip_address: body.floatingip.fixed_ip_address,
            }),
          },
          { status: 201 },
        );
      }),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, {
      floatingNetworkId: EXT,
      fixedIp: '10.0.0.5',
    });
    expect(fip).toMatchObject({ id: id(104), portId: id(3), fixedIpAddress: '10.0.0.5' });
    expect(await jsonBody(neutronRequests(cloud).at(-1)!)).toEqual({
      floatingip: { floating_network_id: EXT, port_id: id(3), fixed_ip_address: '10.0.0.5' },
    });
  });

  it('allocates a new one with reuse: false even when one is free', async () => {
    cloud.use(
      serverPorts(portWire(3, { device_id: SERVER })),
      floatingIps(floatingIpWire(102)),
      http.post(`${BASE}/floatingips`, () =>
        HttpResponse.json({ floatingip: floatingIpWire(104, { port_id: id(3) }) }, { status: 201 }),
      ),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT, reuse: false });
    expect(fip.id).toBe(id(104));
    expect(calls()).toEqual(['GET /ports', 'GET /floatingips', 'POST /floatingips']);
  });

  it('moves on when the floating IP it picked was taken meanwhile (409)', async () => {
    cloud.use(
      serverPorts(portWire(3, { device_id: SERVER })),
      floatingIps(floatingIpWire(102), floatingIpWire(105)),
      http.put(`${BASE}/floatingips/${id(102)}`, () =>
        HttpResponse.json(
          { NeutronError: { type: 'FloatingIPPortAlreadyAssociated', message: 'taken', detail: '' } },
          { status: 409 },
        ),
      ),
      associate(),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT });
    expect(fip.id).toBe(id(105));
  });

  it("returns the port's floating IP on that network when it has one, changing nothing", async () => {
    cloud.use(
      serverPorts(portWire(3, { device_id: SERVER })),
      floatingIps(floatingIpWire(101, { port_id: id(3), fixed_ip_address: '10.0.0.5', status: 'ACTIVE' })),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT });
    expect(fip).toMatchObject({ id: id(101), status: 'ACTIVE' });
    expect(calls()).toEqual(['GET /ports', 'GET /floatingips']);
  });

  it('associates a given floating IP with the port that has the given address', async () => {
    cloud.use(
      serverPorts(
        portWire(3, { device_id: SERVER }),
        portWire(4, { device_id: SERVER, fixed_ips: [{ subnet_id: id(2), ip_address: '10.0.1.7' }] }),
      ),
      http.get(`${BASE}/floatingips/${id(106)}`, () =>
        HttpResponse.json({ floatingip: floatingIpWire(106) }),
      ),
      associate(),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, {
      floatingIpId: id(106),
      fixedIp: '10.0.1.7',
    });
    expect(fip).toMatchObject({ id: id(106), portId: id(4), fixedIpAddress: '10.0.1.7' });
    expect(await jsonBody(neutronRequests(cloud).at(-1)!)).toEqual({
      floatingip: { port_id: id(4), fixed_ip_address: '10.0.1.7' },
    });
  });

  it('waits for ACTIVE when asked', async () => {
    let polls = 0;
    cloud.use(
      serverPorts(portWire(3, { device_id: SERVER })),
      floatingIps(floatingIpWire(102)),
      associate('DOWN'),
      http.get(`${BASE}/floatingips/${id(102)}`, () =>
        HttpResponse.json({
          floatingip: floatingIpWire(102, { port_id: id(3), status: ++polls < 3 ? 'DOWN' : 'ACTIVE' }),
        }),
      ),
    );
    const fip = await assignServerFloatingIp(client(), SERVER, {
      floatingNetworkId: EXT,
      wait: { minDelayMs: 1, maxDelayMs: 2 },
    });
    expect(fip.status).toBe('ACTIVE');
    expect(polls).toBe(3);
  });

  it('fails naming the problem when the server has no port, before touching floating IPs', async () => {
    cloud.use(serverPorts());
    const err = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServerPortError);
    expect(err).toMatchObject({ problem: 'no-port', serverId: SERVER, portIds: [], code: 'SERVER_PORT' });
    expect((err as Error).message).toMatch(/has no port/);
    expect(calls()).toEqual(['GET /ports']);
  });

  it('fails listing the ports when the server has several and none was chosen', async () => {
    cloud.use(
      serverPorts(
        portWire(3, { device_id: SERVER }),
        portWire(4, { device_id: SERVER, fixed_ips: [{ subnet_id: id(2), ip_address: '10.0.1.7' }] }),
      ),
    );
    const err = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ problem: 'several-ports', portIds: [id(3), id(4)] });
    expect((err as Error).message).toContain(`${id(4)} (10.0.1.7)`);
    expect((err as Error).message).toMatch(/choose one with portId or fixedIp/);
    expect(calls()).toEqual(['GET /ports']);
  });

  it.each([
    ['a port of another device', { portId: id(8) }, 'port-not-on-server'],
    ['an address the server does not have', { fixedIp: '10.9.9.9' }, 'no-port-with-address'],
  ] as const)('fails for %s', async (_what, choice, problem) => {
    cloud.use(serverPorts(portWire(3, { device_id: SERVER })));
    const err = await assignServerFloatingIp(client(), SERVER, { floatingNetworkId: EXT, ...choice }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServerPortError);
    expect((err as ServerPortError).problem).toBe(problem);
  });

  const bad: [string, string, AssignServerFloatingIpParams, RegExp][] = [
    ['a server name', 'web-01', { floatingNetworkId: EXT }, /serverId must be a UUID/],
    ['neither source', SERVER, {}, /exactly one of floatingNetworkId/],
    [
      'both sources',
      SERVER,
      { floatingNetworkId: EXT, floatingIpId: id(1) },
      /exactly one of floatingNetworkId/,
    ],
    ['a network name', SERVER, { floatingNetworkId: 'public' }, /floatingNetworkId must be a UUID/],
    ['a bad fixed IP', SERVER, { floatingNetworkId: EXT, fixedIp: '10.0.0' }, /fixedIp/],
    ['a bad port id', SERVER, { floatingNetworkId: EXT, portId: 'eth0' }, /portId must be a UUID/],
    ['a bad reuse', SERVER, { floatingNetworkId: EXT, reuse: 1 as unknown as boolean }, /reuse must be/],
    ['a bad wait', SERVER, { floatingNetworkId: EXT, wait: 'yes' as unknown as boolean }, /wait must be/],
  ];

  it.each(bad)('rejects %s before any request', async (_what, server, params, message) => {
    const err = await assignServerFloatingIp(client(), server, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(message);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});

describe('releaseServerFloatingIps', () => {
  const twoPorts = () => serverPorts(portWire(3, { device_id: SERVER }), portWire(4, { device_id: SERVER }));
  const fips = () =>
    floatingIps(
      floatingIpWire(101, { port_id: id(3) }),
      floatingIpWire(102, { port_id: id(4) }),
      floatingIpWire(103, { port_id: id(77) }),
    );

  it("disassociates every floating IP of the server's ports and returns them", async () => {
    cloud.use(twoPorts(), fips(), associate());
    const released = await releaseServerFloatingIps(client(), SERVER);
    expect(released.map((f) => f.id)).toEqual([id(101), id(102)]);
    expect(calls()).toEqual([
      'GET /ports',
      'GET /floatingips',
      `PUT /floatingips/${id(101)}`,
      `PUT /floatingips/${id(102)}`,
    ]);
    expect(await jsonBody(neutronRequests(cloud).at(-1)!)).toEqual({ floatingip: { port_id: null } });
  });

  it('deletes them with delete: true, only those of portId when given', async () => {
    cloud.use(
      twoPorts(),
      fips(),
      http.delete(`${BASE}/floatingips/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const released = await releaseServerFloatingIps(client(), SERVER, { delete: true, portId: id(4) });
    expect(released.map((f) => f.id)).toEqual([id(102)]);
    expect(calls().at(-1)).toBe(`DELETE /floatingips/${id(102)}`);
  });

  it('returns [] for a server without ports, without listing floating IPs', async () => {
    cloud.use(serverPorts());
    expect(await releaseServerFloatingIps(client(), SERVER)).toEqual([]);
    expect(calls()).toEqual(['GET /ports']);
  });

  it('rejects bad input before any request', async () => {
    await expect(releaseServerFloatingIps(client(), 'x')).rejects.toThrow(/serverId must be a UUID/);
    await expect(releaseServerFloatingIps(client(), SERVER, { portId: 'p' })).rejects.toThrow(/portId/);
    await expect(
      releaseServerFloatingIps(client(), SERVER, { delete: 'yes' as unknown as boolean }),
    ).rejects.toThrow(/delete must be true or false/);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});
