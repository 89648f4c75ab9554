import { toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  addRouterInterface,
  addRouterRoutes,
  createRouter,
  deleteRouter,
  getRouter,
  listRouters,
  removeRouterInterface,
  removeRouterRoutes,
  updateRouter,
  waitForRouterDeleted,
  waitForRouterStatus,
} from '../src/index.js';
import { BASE, id, lastBody, neutronRequests, routerWire, setupNetwork } from './fixtures/network.js';

const { cloud, client } = setupNetwork();

const itfWire = {
  id: id(1),
  port_id: id(30),
  subnet_id: id(2),
  subnet_ids: [id(2)],
  network_id: id(5),
  project_id: 'p',
  tags: [],
};

describe('routers', () => {
  it('creates a router with an external gateway and maps it', async () => {
    cloud.use(
      http.post(`${BASE}/routers`, () => HttpResponse.json({ router: routerWire(1) }, { status: 201 })),
    );
    const r = await createRouter(client(), {
      name: 'edge',
      externalGateway: { networkId: id(50), enableSnat: true },
    });
    expect(r.externalGateway).toEqual({
      networkId: id(50),
      enableSnat: true,
      externalFixedIps: [{ subnetId: id(51), ipAddress: '203.0.113.10' }],
    });
    expect(await lastBody(cloud)).toEqual({
      router: { name: 'edge', external_gateway_info: { network_id: id(50), enable_snat: true } },
    });
    await expect(createRouter(client(), { externalGateway: null })).rejects.toMatchObject({
      field: 'externalGateway',
    });
  });

  it('adds and removes interfaces by subnet or by port', async () => {
    cloud.use(
      http.put(`${BASE}/routers/:id/add_router_interface`, () => HttpResponse.json(itfWire)),
      http.put(`${BASE}/routers/:id/remove_router_interface`, () => HttpResponse.json(itfWire)),
    );
    const added = await addRouterInterface(client(), id(1), { subnetId: id(2) });
    expect(added).toEqual({
      id: id(1),
      portId: id(30),
      subnetId: id(2),
      subnetIds: [id(2)],
      networkId: id(5),
      projectId: 'p',
    });
    expect(await lastBody(cloud)).toEqual({ subnet_id: id(2) });
    await removeRouterInterface(client(), id(1), { portId: id(30) });
    expect(await lastBody(cloud)).toEqual({ port_id: id(30) });
    expect(neutronRequests(cloud).at(-1)!.url.pathname).toBe(
      `/v2.0/routers/${id(1)}/remove_router_interface`,
    );
    for (const bad of [{}, { subnetId: id(2), portId: id(3) }]) {
      await expect(addRouterInterface(client(), id(1), bad as never)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(neutronRequests(cloud)).toHaveLength(2);
  });

  it('adds and removes extra routes atomically, and replaces them on update', async () => {
    const route = { destination: '192.168.0.0/16', nexthop: '10.0.0.254' };
    cloud.use(
      http.put(`${BASE}/routers/:id/add_extraroutes`, () =>
        HttpResponse.json({ router: routerWire(1, { routes: [route] }) }),
      ),
      http.put(`${BASE}/routers/:id/remove_extraroutes`, () => HttpResponse.json({ router: routerWire(1) })),
      http.put(`${BASE}/routers/:id`, () =>
        HttpResponse.json({ router: routerWire(1, { external_gateway_info: null }) }),
      ),
    );
    expect((await addRouterRoutes(client(), id(1), [route])).routes).toEqual([route]);
    expect(await lastBody(cloud)).toEqual({ router: { routes: [route] } });
    expect((await removeRouterRoutes(client(), id(1), [route])).routes).toEqual([]);
    const r = await updateRouter(client(), id(1), { externalGateway: null, routes: [], ifRevision: 2 });
    expect(r.externalGateway).toBeUndefined();
    expect(await lastBody(cloud)).toEqual({ router: { external_gateway_info: null, routes: [] } });
    await expect(addRouterRoutes(client(), id(1), [])).rejects.toMatchObject({ field: 'routes' });
    await expect(
      addRouterRoutes(client(), id(1), [{ destination: '2001:db8::/64', nexthop: '10.0.0.1' }]),
    ).rejects.toMatchObject({ field: 'routes[0].nexthop' });
  });

  it('lists, gets, deletes and waits', async () => {
    const statuses = ['ALLOCATING', 'ACTIVE'];
    let gone = false;
    cloud.use(
      http.get(`${BASE}/routers`, () => HttpResponse.json({ routers: [routerWire(1)] })),
      http.get(`${BASE}/routers/:id`, () =>
        gone
          ? new HttpResponse(null, { status: 404 })
          : HttpResponse.json({ router: routerWire(1, { status: statuses.shift() ?? 'ACTIVE' }) }),
      ),
      http.delete(`${BASE}/routers/:id`, () => {
        gone = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    expect((await toArray(listRouters(client(), { name: 'router-1' })))[0]!.name).toBe('router-1');
    expect((await waitForRouterStatus(client(), id(1), 'ACTIVE', { minDelayMs: 1 })).status).toBe('ACTIVE');
    expect((await getRouter(client(), id(1))).status).toBe('ACTIVE');
    await deleteRouter(client(), id(1));
    await waitForRouterDeleted(client(), id(1), { minDelayMs: 1 });
  });
});
