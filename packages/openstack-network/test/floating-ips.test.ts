import { toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  associateNetworkFloatingIp,
  createFloatingIpPortForwarding,
  createNetworkFloatingIp,
  deleteFloatingIpPortForwarding,
  deleteNetworkFloatingIp,
  disassociateNetworkFloatingIp,
  getFloatingIpPortForwarding,
  getNetworkFloatingIp,
  listFloatingIpPortForwardings,
  listNetworkFloatingIps,
  updateFloatingIpPortForwarding,
  waitForNetworkFloatingIpDeleted,
  waitForNetworkFloatingIpStatus,
} from '../src/index.js';
import { BASE, floatingIpWire, id, lastBody, neutronRequests, setupNetwork } from './fixtures/network.js';

const { cloud, client } = setupNetwork();

const pfWire = (extra: Record<string, unknown> = {}) => ({
  id: id(70),
  protocol: 'tcp',
  internal_port_id: id(3),
  internal_ip_address: '10.0.0.5',
  internal_port: 22,
  external_port: 2222,
  description: '',
  ...extra,
});

describe('floating IPs', () => {
  it('creates on an external network, associates, disassociates and deletes', async () => {
    cloud.use(
      http.post(`${BASE}/floatingips`, () =>
        HttpResponse.json({ floatingip: floatingIpWire(1) }, { status: 201 }),
      ),
      http.put(`${BASE}/floatingips/:id`, async ({ request }) => {
        const body = (await request.json()) as { floatingip: { port_id: string | null } };
        const port = body.floatingip.port_id;
        return HttpResponse.json({
          floatingip: floatingIpWire(
            1,
            port ? { port_id: port, fixed_ip_address: '10.0.0.5', router_id: id(8), status: 'ACTIVE' } : {},
          ),
        });
      }),
      http.delete(`${BASE}/floatingips/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const fip = await createNetworkFloatingIp(client(), { floatingNetworkId: id(50), description: 'web' });
    expect(fip).toMatchObject({
      floatingIpAddress: '203.0.113.20',
      floatingNetworkId: id(50),
      portId: undefined,
    });
    expect(await lastBody(cloud)).toEqual({
      floatingip: { floating_network_id: id(50), description: 'web' },
    });
    const on = await associateNetworkFloatingIp(client(), id(1), id(3), { fixedIpAddress: '10.0.0.5' });
    expect(on).toMatchObject({ portId: id(3), fixedIpAddress: '10.0.0.5', routerId: id(8) });
    expect(await lastBody(cloud)).toEqual({ floatingip: { port_id: id(3), fixed_ip_address: '10.0.0.5' } });
    const off = await disassociateNetworkFloatingIp(client(), id(1));
    expect(off.portId).toBeUndefined();
    expect(await lastBody(cloud)).toEqual({ floatingip: { port_id: null } });
    await deleteNetworkFloatingIp(client(), id(1));
    await expect(
      createNetworkFloatingIp(client(), { floatingNetworkId: id(50), floatingIpAddress: '203.0.113' }),
    ).rejects.toMatchObject({
      field: 'floatingIpAddress',
    });
    await expect(associateNetworkFloatingIp(client(), id(1), 'port')).rejects.toMatchObject({
      field: 'portId',
    });
    expect(neutronRequests(cloud)).toHaveLength(4);
  });

  it('lists with filters, and waits for ACTIVE and for deletion', async () => {
    const statuses = ['DOWN', 'ACTIVE'];
    let deleted = false;
    cloud.use(
      http.get(`${BASE}/floatingips`, () => HttpResponse.json({ floatingips: [floatingIpWire(1)] })),
      http.get(`${BASE}/floatingips/:id`, () =>
        deleted
          ? new HttpResponse(null, { status: 404 })
          : HttpResponse.json({ floatingip: floatingIpWire(1, { status: statuses.shift() ?? 'ACTIVE' }) }),
      ),
    );
    await toArray(listNetworkFloatingIps(client(), { floatingNetworkId: id(50), portId: id(3) }));
    expect(neutronRequests(cloud)[0]!.url.search).toBe(`?floating_network_id=${id(50)}&port_id=${id(3)}`);
    expect((await waitForNetworkFloatingIpStatus(client(), id(1), 'ACTIVE', { minDelayMs: 1 })).status).toBe(
      'ACTIVE',
    );
    expect((await getNetworkFloatingIp(client(), id(1))).status).toBe('ACTIVE');
    deleted = true;
    await waitForNetworkFloatingIpDeleted(client(), id(1), { minDelayMs: 1 });
  });

  it('manages port forwardings', async () => {
    const path = `${BASE}/floatingips/${id(1)}/port_forwardings`;
    cloud.use(
      http.post(path, () => HttpResponse.json({ port_forwarding: pfWire() }, { status: 201 })),
      http.get(path, () =>
        HttpResponse.json({
          port_forwardings: [
            pfWire({
              internal_port: null,
              external_port: null,
              internal_port_range: '80:90',
              external_port_range: '8080:8090',
            }),
          ],
        }),
      ),
      http.get(`${path}/:pf`, () => HttpResponse.json({ port_forwarding: pfWire() })),
      http.put(`${path}/:pf`, () => HttpResponse.json({ port_forwarding: pfWire({ external_port: 2223 }) })),
      http.delete(`${path}/:pf`, () => new HttpResponse(null, { status: 204 })),
    );
    const pf = await createFloatingIpPortForwarding(client(), id(1), {
      protocol: 'tcp',
      internalPortId: id(3),
      internalIpAddress: '10.0.0.5',
      internalPort: 22,
      externalPort: 2222,
    });
    expect(pf).toMatchObject({ id: id(70), internalPort: 22, externalPort: 2222, protocol: 'tcp' });
    expect(await lastBody(cloud)).toEqual({
      port_forwarding: {
        protocol: 'tcp',
        internal_port_id: id(3),
        internal_ip_address: '10.0.0.5',
        internal_port: 22,
        external_port: 2222,
      },
    });
    const [ranged] = await toArray(listFloatingIpPortForwardings(client(), id(1), { protocol: 'tcp' }));
    expect(ranged).toMatchObject({
      internalPort: undefined,
      internalPortRange: '80:90',
      externalPortRange: '8080:8090',
    });
    expect((await getFloatingIpPortForwarding(client(), id(1), id(70))).internalIpAddress).toBe('10.0.0.5');
    expect(
      (await updateFloatingIpPortForwarding(client(), id(1), id(70), { externalPort: 2223 })).externalPort,
    ).toBe(2223);
    await deleteFloatingIpPortForwarding(client(), id(1), id(70));
    expect(neutronRequests(cloud).at(-1)!.url.pathname).toBe(
      `/v2.0/floatingips/${id(1)}/port_forwardings/${id(70)}`,
    );
  });

  it.each([
    [
      {
        protocol: 'icmp',
        internalPortId: id(3),
        internalIpAddress: '10.0.0.5',
        internalPort: 1,
        externalPort: 1,
      },
      'protocol',
    ],
    [
      {
        protocol: 'tcp',
        internalPortId: id(3),
        internalIpAddress: '10.0.0.5',
        internalPort: 0,
        externalPort: 1,
      },
      'internalPort',
    ],
    [
      {
        protocol: 'tcp',
        internalPortId: id(3),
        internalIpAddress: '10.0.0.5',
        internalPortRange: '90:80',
        externalPort: 1,
      },
      'internalPortRange',
    ],
    [
      { protocol: 'tcp', internalPortId: id(3), internalIpAddress: '10.0.0.5', internalPort: 22 },
      'externalPort',
    ],
    [{ protocol: 'tcp', internalIpAddress: '10.0.0.5', internalPort: 22, externalPort: 1 }, 'internalPortId'],
  ])('rejects port forwarding %j before any request', async (params, field) => {
    const error = await createFloatingIpPortForwarding(client(), id(1), params as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});
