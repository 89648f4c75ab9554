import { NotFoundError, toArray, ValidationError, WaiterFailureError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createPort,
  createPorts,
  deletePort,
  getPort,
  listPorts,
  NetworkRevisionConflictError,
  updatePort,
  waitForPortDeleted,
  waitForPortStatus,
} from '../src/index.js';
import { BASE, id, lastBody, neutronRequests, portWire, setupNetwork } from './fixtures/network.js';

const { cloud, client } = setupNetwork();

describe('ports', () => {
  it('creates a port with fixed IPs, device, address pairs, security groups, port security and VNIC type', async () => {
    cloud.use(
      http.post(`${BASE}/ports`, () =>
        HttpResponse.json({ port: portWire(3, { 'binding:vnic_type': 'direct' }) }, { status: 201 }),
      ),
    );
    const port = await createPort(client(), {
      networkId: id(1),
      name: 'db',
      fixedIps: [{ subnetId: id(2) }, { subnetId: id(2), ipAddress: '10.0.0.9' }],
      deviceId: 'srv-1',
      deviceOwner: 'compute:nova',
      allowedAddressPairs: [
        { ipAddress: '10.0.0.250' },
        { ipAddress: '10.0.1.0/24', macAddress: 'fa:16:3e:aa:bb:cc' },
      ],
      securityGroups: [id(9)],
      portSecurityEnabled: true,
      vnicType: 'direct',
      macAddress: 'fa:16:3e:00:00:09',
    });
    expect(port).toMatchObject({ id: id(3), vnicType: 'direct', securityGroups: [id(9)] });
    expect(port.fixedIps).toEqual([{ subnetId: id(2), ipAddress: '10.0.0.5' }]);
    expect(await lastBody(cloud)).toEqual({
      port: {
        name: 'db',
        fixed_ips: [{ subnet_id: id(2) }, { subnet_id: id(2), ip_address: '10.0.0.9' }],
        device_id: 'srv-1',
        device_owner: 'compute:nova',
        allowed_address_pairs: [
          { ip_address: '10.0.0.250' },
          { ip_address: '10.0.1.0/24', mac_address: 'fa:16:3e:aa:bb:cc' },
        ],
        security_groups: [id(9)],
        port_security_enabled: true,
        'binding:vnic_type': 'direct',
        network_id: id(1),
        mac_address: 'fa:16:3e:00:00:09',
      },
    });
  });

  it('bulk-creates ports and checks the count that comes back', async () => {
    cloud.use(
      http.post(`${BASE}/ports`, () =>
        HttpResponse.json({ ports: [portWire(1), portWire(2)] }, { status: 201 }),
      ),
    );
    const ports = await createPorts(client(), [{ networkId: id(1) }, { networkId: id(1), name: 'b' }]);
    expect(ports.map((p) => p.id)).toEqual([id(1), id(2)]);
    expect(await lastBody(cloud)).toEqual({
      ports: [{ network_id: id(1) }, { network_id: id(1), name: 'b' }],
    });
    await expect(
      createPorts(client(), [{ networkId: id(1) }, { networkId: id(1) }, { networkId: id(1) }]),
    ).rejects.toThrow(/2 ports came back for 3 requested/);
  });

  it.each([
    [{ networkId: id(1), fixedIps: [{}] }, 'fixedIps[0]'],
    [{ networkId: id(1), fixedIps: [{ ipAddress: '10.0.0.999' }] }, 'fixedIps[0].ipAddress'],
    [
      { networkId: id(1), allowedAddressPairs: [{ ipAddress: '10.0.0.0/40' }] },
      'allowedAddressPairs[0].ipAddress',
    ],
    [
      { networkId: id(1), allowedAddressPairs: [{ ipAddress: '10.0.0.1', macAddress: 'zz' }] },
      'allowedAddressPairs[0].macAddress',
    ],
    [{ networkId: id(1), securityGroups: ['default'] }, 'securityGroups[0]'],
    [{ networkId: id(1), vnicType: 'fancy' }, 'vnicType'],
    [{ name: 'no network' }, 'networkId'],
  ])('rejects %j before any request', async (params, field) => {
    const error = await createPort(client(), params as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });

  it('lists with device and fixed_ips filters', async () => {
    cloud.use(http.get(`${BASE}/ports`, () => HttpResponse.json({ ports: [portWire(1)], ports_links: [] })));
    await toArray(
      listPorts(client(), {
        deviceId: '',
        fixedIp: { subnetId: id(2), ipAddress: '10.0.0.5' },
        status: 'ACTIVE',
      }),
    );
    const q = neutronRequests(cloud)[0]!.url.searchParams;
    expect(q.get('device_id')).toBe('');
    expect(q.getAll('fixed_ips')).toEqual([`subnet_id=${id(2)}`, 'ip_address=10.0.0.5']);
    expect(q.get('status')).toBe('ACTIVE');
  });

  it('gets, updates (with a lost revision race) and deletes', async () => {
    cloud.use(
      http.get(`${BASE}/ports/:id`, () => HttpResponse.json({ port: portWire(1) })),
      http.put(`${BASE}/ports/:id`, () =>
        HttpResponse.json(
          { NeutronError: { type: 'RevisionNumberConstraintFailed', message: 'stale' } },
          { status: 412 },
        ),
      ),
      http.delete(`${BASE}/ports/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    expect((await getPort(client(), id(1))).macAddress).toBe('fa:16:3e:00:00:01');
    await expect(updatePort(client(), id(1), { securityGroups: [], ifRevision: 1 })).rejects.toBeInstanceOf(
      NetworkRevisionConflictError,
    );
    expect(await lastBody(cloud)).toEqual({ port: { security_groups: [] } });
    await deletePort(client(), id(1));
  });

  it('waits for ACTIVE, fails at once on ERROR, and waits for deletion', async () => {
    const statuses = ['BUILD', 'DOWN', 'ACTIVE'];
    cloud.use(
      http.get(`${BASE}/ports/${id(1)}`, () =>
        HttpResponse.json({ port: portWire(1, { status: statuses.shift() }) }),
      ),
    );
    const seen: string[] = [];
    const port = await waitForPortStatus(client(), id(1), 'ACTIVE', {
      minDelayMs: 1,
      onPoll: (p) => seen.push(p.status),
    });
    expect(port.status).toBe('ACTIVE');
    expect(seen).toEqual(['BUILD', 'DOWN', 'ACTIVE']);

    cloud.use(
      http.get(`${BASE}/ports/${id(2)}`, () => HttpResponse.json({ port: portWire(2, { status: 'ERROR' }) })),
    );
    await expect(
      waitForPortStatus(client(), id(2), ['ACTIVE', 'DOWN'], { minDelayMs: 1 }),
    ).rejects.toBeInstanceOf(WaiterFailureError);
    await expect(waitForPortStatus(client(), id(2), [], { minDelayMs: 1 })).rejects.toMatchObject({
      field: 'status',
    });

    let n = 0;
    cloud.use(
      http.get(`${BASE}/ports/${id(3)}`, () =>
        ++n < 3 ? HttpResponse.json({ port: portWire(3) }) : new HttpResponse(null, { status: 404 }),
      ),
    );
    await waitForPortDeleted(client(), id(3), { minDelayMs: 1, maxDelayMs: 2 });
    expect(n).toBe(3);
    cloud.use(http.get(`${BASE}/ports/${id(4)}`, () => new HttpResponse(null, { status: 404 })));
    await expect(waitForPortStatus(client(), id(4), 'ACTIVE', { minDelayMs: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
