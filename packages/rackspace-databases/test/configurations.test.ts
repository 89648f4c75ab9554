import { toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { troveConfiguration, troveFault } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  attachConfigurationGroup,
  createConfigurationGroup,
  deleteConfigurationGroup,
  detachConfigurationGroup,
  getConfigurationGroup,
  listConfigurationGroupInstances,
  listConfigurationGroups,
  replaceConfigurationGroup,
  updateConfigurationGroup,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, rejectionOf, relPath } from './support.js';

const cloud = setupMockCloud();
const CONF = troveConfiguration();
const INSTANCE = 'i-1';
const accepted = () => new HttpResponse(null, { status: 202 });

describe('configuration groups', () => {
  it('creates with name, values, description and datastore', async () => {
    cloud.use(http.post(`${DB_URL}/configurations`, () => HttpResponse.json({ configuration: CONF })));
    const group = await createConfigurationGroup(dbClient(cloud), {
      name: 'busy',
      description: 'more connections',
      values: { connect_timeout: 120, max_connections: 400, local_infile: false },
      datastore: { type: 'mysql', version: '5.7' },
    });
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['POST', '/configurations']);
    expect(await jsonBody(req)).toEqual({
      configuration: {
        name: 'busy',
        description: 'more connections',
        values: { connect_timeout: 120, max_connections: 400, local_infile: false },
        datastore: { type: 'mysql', version: '5.7' },
      },
    });
    expect(group).toMatchObject({
      id: CONF.id,
      name: 'busy',
      datastoreName: 'mysql',
      datastoreVersionName: '5.7',
      values: { connect_timeout: 120, max_connections: 400 },
      instanceCount: 0,
    });
    expect(group.created?.toISOString()).toBe('2026-11-19T08:00:00.000Z');
  });

  it.each([
    ['no values', { name: 'x' }, 'values'],
    ['empty values', { name: 'x', values: {} }, 'values'],
    ['an array of values', { name: 'x', values: [1] }, 'values'],
    ['an object value', { name: 'x', values: { a: { b: 1 } } }, 'values.a'],
    ['no name', { values: { a: 1 } }, 'name'],
  ])('rejects %s before any request', async (_what, params, field) => {
    const err = await rejectionOf<ValidationError>(
      createConfigurationGroup(dbClient(cloud), params as never),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it('lists with paging and gets one with values', async () => {
    const { values: _values, ...summary } = CONF;
    cloud.use(
      http.get(`${DB_URL}/configurations`, ({ request }) =>
        new URL(request.url).searchParams.get('marker')
          ? HttpResponse.json({ configurations: [{ ...summary, id: 'c-2', name: 'calm' }] })
          : HttpResponse.json({
              configurations: [summary],
              links: [{ rel: 'next', href: `${DB_URL}/configurations?marker=${CONF.id}` }],
            }),
      ),
      http.get(`${DB_URL}/configurations/${CONF.id}`, () => HttpResponse.json({ configuration: CONF })),
    );
    const all = await toArray(listConfigurationGroups(dbClient(cloud)));
    expect(all.map((g) => g.name)).toEqual(['busy', 'calm']);
    expect(all[0]).not.toHaveProperty('values');
    expect((await getConfigurationGroup(dbClient(cloud), CONF.id)).values).toEqual(CONF.values);
  });

  it('updates values with PATCH and replaces them with PUT', async () => {
    cloud.use(
      http.patch(`${DB_URL}/configurations/${CONF.id}`, () => HttpResponse.json({})),
      http.put(`${DB_URL}/configurations/${CONF.id}`, accepted),
    );
    await updateConfigurationGroup(dbClient(cloud), CONF.id, { max_connections: 500 });
    await replaceConfigurationGroup(dbClient(cloud), CONF.id, {
      values: { max_connections: 200 },
      name: 'calm',
    });
    const [patch, put] = dbRequests(cloud);
    expect([patch!.method, relPath(patch!)]).toEqual(['PATCH', `/configurations/${CONF.id}`]);
    expect(await jsonBody(patch!)).toEqual({ configuration: { values: { max_connections: 500 } } });
    expect(put!.method).toBe('PUT');
    expect(await jsonBody(put!)).toEqual({
      configuration: { values: { max_connections: 200 }, name: 'calm' },
    });
  });

  it('deletes and names the group on 404', async () => {
    cloud.use(http.delete(`${DB_URL}/configurations/${CONF.id}`, accepted));
    await deleteConfigurationGroup(dbClient(cloud), CONF.id);
    expect(onlyRequest(cloud).method).toBe('DELETE');
    cloud.use(http.get(`${DB_URL}/configurations/gone`, () => troveFault(404, 'itemNotFound', 'x')));
    await expect(getConfigurationGroup(dbClient(cloud), 'gone')).rejects.toThrow(
      'configuration group "gone" was not found',
    );
  });

  it('lists the instances of a group', async () => {
    cloud.use(
      http.get(`${DB_URL}/configurations/${CONF.id}/instances`, () =>
        HttpResponse.json({ instances: [{ id: INSTANCE, name: 'orders' }] }),
      ),
    );
    expect(await toArray(listConfigurationGroupInstances(dbClient(cloud), CONF.id))).toEqual([
      { id: INSTANCE, name: 'orders' },
    ]);
  });

  it('attaches with PUT {"instance":{"configuration"}} and detaches with {"instance":{}}', async () => {
    cloud.use(http.put(`${DB_URL}/instances/${INSTANCE}`, accepted));
    await attachConfigurationGroup(dbClient(cloud), INSTANCE, CONF.id);
    await detachConfigurationGroup(dbClient(cloud), INSTANCE);
    const [attach, detach] = dbRequests(cloud);
    expect([attach!.method, relPath(attach!)]).toEqual(['PUT', `/instances/${INSTANCE}`]);
    expect(await jsonBody(attach!)).toEqual({ instance: { configuration: CONF.id } });
    expect(await jsonBody(detach!)).toEqual({ instance: {} });
    await expect(attachConfigurationGroup(dbClient(cloud), INSTANCE, '')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
