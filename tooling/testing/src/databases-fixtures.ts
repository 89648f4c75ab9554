import { randomUUID } from 'node:crypto';
import { type CredentialProvider, createAuthResult } from '@cloud/core';
import { HttpResponse } from 'msw';

// Payloads written from the Trove v1.0 api-ref and the Rackspace Cloud Databases developer guide.

/** A Trove wire link. */
export interface TroveLink {
  href: string;
  rel: string;
}

const links = (baseUrl: string, path: string): TroveLink[] => [
  { href: `${baseUrl}/${path}`, rel: 'self' },
  { href: `${new URL(baseUrl).origin}/${path}`, rel: 'bookmark' },
];

/** The flavors the fake offers, shaped like Rackspace's (integer ids) with Trove's `str_id`. */
export const troveFlavors = (baseUrl: string) =>
  [
    { id: 1, name: '512MB Instance', ram: 512 },
    { id: 2, name: '1GB Instance', ram: 1024 },
    { id: 3, name: '2GB Instance', ram: 2048 },
    { id: 4, name: '4GB Instance', ram: 4096 },
  ].map((f) => ({ ...f, str_id: String(f.id), vcpus: 1, links: links(baseUrl, `flavors/${f.id}`) }));

/** Datastores the fake offers: MySQL 5.6/5.7 and MariaDB 10. */
export const troveDatastores = (baseUrl: string) => {
  const ds = (id: string, name: string, versions: [string, string, string][]) => ({
    id,
    name,
    default_version: versions[0]![0],
    links: links(baseUrl, `datastores/${id}`),
    versions: versions.map(([vid, vname, number]) => ({
      id: vid,
      name: vname,
      version: number,
      active: 1,
      links: links(baseUrl, `datastores/versions/${vid}`),
    })),
  });
  return [
    ds('10000000-0000-4000-8000-000000000001', 'mysql', [
      ['20000000-0000-4000-8000-000000000057', '5.7', '5.7.29'],
      ['20000000-0000-4000-8000-000000000056', '5.6', '5.6.51'],
    ]),
    ds('10000000-0000-4000-8000-000000000002', 'mariadb', [
      ['20000000-0000-4000-8000-000000000100', '10', '10.4.18'],
    ]),
  ];
};

/** An instance as `GET /instances/{id}` returns it; `overrides` replace top-level fields. */
export function troveInstance(baseUrl: string, overrides: Record<string, unknown> = {}) {
  const id = (overrides.id as string | undefined) ?? '44b277eb-39be-4921-be31-3d61b43651d7';
  return {
    id,
    name: 'orders',
    status: 'ACTIVE',
    flavor: { id: '1', links: links(baseUrl, 'flavors/1') },
    volume: { size: 2, used: 0.17 },
    datastore: { type: 'mysql', version: '5.7' },
    hostname: `${id.replace(/-/g, '').slice(0, 24)}.rackspaceclouddb.test`,
    links: links(baseUrl, `instances/${id}`),
    created: '2026-11-20T09:15:00',
    updated: '2026-11-20T09:19:42',
    ...overrides,
  };
}

/** A backup as `GET /backups/{id}` returns it. */
export function troveBackup(overrides: Record<string, unknown> = {}) {
  return {
    id: 'a9832168-7541-4536-b8d9-a8a9b79cf1b4',
    name: 'nightly',
    description: 'before the upgrade',
    instance_id: '44b277eb-39be-4921-be31-3d61b43651d7',
    status: 'COMPLETED',
    size: 0.14,
    locationRef: 'https://storage.mock.test/v1/backups/a9832168.xbstream.gz.enc',
    parent_id: null,
    datastore: { type: 'mysql', version: '5.7', version_id: '20000000-0000-4000-8000-000000000057' },
    storage_driver: 'swift',
    created: '2026-11-21T02:00:00',
    updated: '2026-11-21T02:03:10',
    ...overrides,
  };
}

/** A configuration group as `GET /configurations/{id}` returns it. */
export function troveConfiguration(overrides: Record<string, unknown> = {}) {
  return {
    id: '1c8a4fdd-690c-4e6e-b2e1-148b8d738770',
    name: 'busy',
    description: null,
    datastore_name: 'mysql',
    datastore_version_id: '20000000-0000-4000-8000-000000000057',
    datastore_version_name: '5.7',
    datastore_version_number: '5.7.29',
    values: { connect_timeout: 120, max_connections: 400 },
    instance_count: 0,
    created: '2026-11-19T08:00:00',
    updated: '2026-11-19T08:00:00',
    ...overrides,
  };
}

/** The configuration parameters the fake knows for every datastore version (types and ranges). */
export const troveConfigurationParameters = (versionId: string) =>
  [
    { name: 'max_connections', type: 'integer', min: 1, max: 100000, restart_required: false },
    { name: 'connect_timeout', type: 'integer', min: 2, max: 31536000, restart_required: false },
    { name: 'innodb_buffer_pool_size', type: 'integer', min: 0, max: 68719476736, restart_required: true },
    { name: 'autocommit', type: 'boolean', min: 0, max: 1, restart_required: false },
    { name: 'sql_mode', type: 'string', restart_required: false },
  ].map((p) => ({ ...p, datastore_version_id: versionId }));

/** A Trove fault body and status, e.g. `troveFault(404, 'itemNotFound', 'Instance x not found')`. */
export function troveFault(status: number, kind: string, message: string) {
  return HttpResponse.json(
    { [kind]: { code: status, message } },
    { status, headers: { 'x-openstack-request-id': `req-${randomUUID()}` } },
  );
}

/**
 * A credentials provider that needs no identity service: a fixed token and a one-entry catalog
 * with a Rackspace-style `rax:database` endpoint at `baseUrl`.
 */
export function fakeTroveCredentials(baseUrl: string, region = 'RegionOne'): CredentialProvider {
  const auth = createAuthResult({
    token: 'fake-trove-token',
    expiresAt: new Date(Date.now() + 24 * 3_600_000),
    catalog: [
      {
        type: 'rax:database',
        name: 'cloudDatabases',
        endpoints: [{ url: baseUrl, interface: 'public', region }],
      },
    ],
    defaultRegion: region,
  });
  return async () => auth;
}
