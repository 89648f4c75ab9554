import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { getDatabaseInstance } from '../src/index.js';
import { DB_URL, dbClient } from './support.js';

const cloud = setupMockCloud();
const ID = '4f1a3c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';
const SOURCE = '0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e';
const REPLICA = '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928';
const CONFIG = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
const link = (path: string) => [
  { href: `https://trove.example.test/v1.0/p/${path}`, rel: 'self' },
  { href: `https://trove.example.test/${path}`, rel: 'bookmark' },
];

/** An instance shown by Trove, in the shape its api-ref documents (values made up). */
const instance = {
  id: ID,
  name: 'orders-replica',
  status: 'ACTIVE',
  operating_status: 'HEALTHY',
  flavor: { id: '3', links: link('flavors/3') },
  volume: { size: 5, used: 0.4 },
  datastore: { type: 'mysql', version: '5.7', version_number: '5.7.29' },
  addresses: [
    { address: '10.1.0.12', type: 'private' },
    { address: '203.0.113.40', type: 'public' },
  ],
  configuration: { id: CONFIG, name: 'busy', links: link(`configurations/${CONFIG}`) },
  replicas: [{ id: REPLICA, links: link(`instances/${REPLICA}`) }],
  replica_of: { id: SOURCE, links: link(`instances/${SOURCE}`) },
  locality: 'anti-affinity',
  access: { is_public: true, allowed_cidrs: ['203.0.113.0/24'] },
  region: 'RegionOne',
  created: '2024-03-01T10:00:00',
  updated: '2024-03-01T10:05:00',
  links: link(`instances/${ID}`),
  service_status_updated: '2024-03-01T10:05:30',
};

describe('database instance fields', () => {
  it('keeps addresses with their type, replication, configuration, access, links and unknown fields', async () => {
    cloud.use(http.get(`${DB_URL}/instances/${ID}`, () => HttpResponse.json({ instance })));
    const i = await getDatabaseInstance(dbClient(cloud), ID);
    expect(i.addresses).toEqual([
      { address: '10.1.0.12', type: 'private' },
      { address: '203.0.113.40', type: 'public' },
    ]);
    expect(i.ipAddresses).toEqual(['10.1.0.12', '203.0.113.40']);
    expect(i.datastore).toEqual({ type: 'mysql', version: '5.7', versionNumber: '5.7.29' });
    expect(i.configurationId).toBe(CONFIG);
    expect(i.configuration).toEqual({ id: CONFIG, name: 'busy', links: link(`configurations/${CONFIG}`) });
    expect(i.replicas).toEqual([{ id: REPLICA, links: link(`instances/${REPLICA}`) }]);
    expect(i.replicaOf?.id).toBe(SOURCE);
    expect(i.locality).toBe('anti-affinity');
    expect(i.access).toEqual({ isPublic: true, allowedCidrs: ['203.0.113.0/24'] });
    expect(i.links.map((l) => l.rel)).toEqual(['self', 'bookmark']);
    expect(i.volume).toEqual({ size: 5, used: 0.4 });
    expect(i.created?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(i.extra).toEqual({ service_status_updated: '2024-03-01T10:05:30' });
  });

  it('reads an older bare ip list as untyped addresses and leaves the new fields out', async () => {
    const {
      addresses: _a,
      replicas: _r,
      replica_of: _o,
      access: _x,
      service_status_updated: _s,
      ...old
    } = instance;
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}`, () =>
        HttpResponse.json({ instance: { ...old, ip: ['10.1.0.12'] } }),
      ),
    );
    const i = await getDatabaseInstance(dbClient(cloud), ID);
    expect(i.addresses).toEqual([{ address: '10.1.0.12' }]);
    expect(i.replicas).toBeUndefined();
    expect(i.replicaOf).toBeUndefined();
    expect(i.access).toBeUndefined();
    expect(i.extra).toBeUndefined();
  });
});
