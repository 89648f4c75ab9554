import { arrayOf, boolean, number, object, optional, string, stringOrNumber } from '@cloud/core/service';
import type { CreateDatabaseParams } from '../databases/types.js';
import { idOf, LINKS, type LinkWire, parseTroveDate } from '../internal/common.js';
import type { CreateDatabaseUserParams } from '../users/types.js';
import type { DatabaseInstanceAccessParams } from './update.js';

/**
 * Instance statuses named by the Rackspace Cloud Databases and OpenStack Trove documentation.
 * `BUILD`, `RESIZE`, `REBOOT`, `BACKUP`, `PROMOTE`, `EJECT`, `UPGRADE`, `DETACH` and `NEW` are
 * transitional; `ERROR` and `FAILED` mean the last operation failed.
 * @example if (!DATABASE_INSTANCE_STATUSES.includes(s as KnownDatabaseInstanceStatus)) console.warn('new status', s);
 */
export const DATABASE_INSTANCE_STATUSES = [
  'ACTIVE',
  'BACKUP',
  'BLOCKED',
  'BUILD',
  'DETACH',
  'EJECT',
  'ERROR',
  'FAILED',
  'HEALTHY',
  'NEW',
  'PROMOTE',
  'REBOOT',
  'RESIZE',
  'RESTART_REQUIRED',
  'RUNNING',
  'SHUTDOWN',
  'UPGRADE',
] as const;

/**
 * A status the documentation names; see {@link DATABASE_INSTANCE_STATUSES}.
 * @example const target: KnownDatabaseInstanceStatus = 'ACTIVE';
 */
export type KnownDatabaseInstanceStatus = (typeof DATABASE_INSTANCE_STATUSES)[number];

/**
 * An instance status; services may report values not listed in {@link DATABASE_INSTANCE_STATUSES}.
 * @example const status: DatabaseInstanceStatus = (await getDatabaseInstance(db, id)).status;
 */
export type DatabaseInstanceStatus = KnownDatabaseInstanceStatus | (string & {});

/**
 * A database instance (a managed MySQL/MariaDB/... server with its volume).
 * @example const { status, hostname, volume } = await getDatabaseInstance(db, instanceId);
 */
export interface DatabaseInstance {
  id: string;
  name: string;
  status: DatabaseInstanceStatus;
  /** Health of the database service itself (newer Trove: `HEALTHY`, `RUNNING`, `SHUTDOWN`...). */
  operatingStatus?: string | undefined;
  /** Flavor id (integer ids are returned as strings). */
  flavorId: string;
  /** Volume size and usage in GB (`used` is missing while the instance is not ACTIVE). */
  /** Size and use in GB; `usedPercent` where the service reports it. */
  volume?: { size: number; used?: number | undefined; usedPercent?: number | undefined } | undefined;
  /** The datastore (`mysql`, `percona`, `mariadb`...), its version and, where reported, `versionNumber`. */
  datastore?: { type: string; version: string; versionNumber?: string | undefined } | undefined;
  /** Host name to connect to (Rackspace). */
  hostname?: string | undefined;
  /** Every address with its type (`public`, `private`; other strings may appear). */
  addresses: DatabaseInstanceAddress[];
  /** The addresses alone, in the order the service listed them (`ip` on older Trove). */
  ipAddresses: string[];
  region?: string | undefined;
  /** Attached configuration group, if any. */
  configurationId?: string | undefined;
  /** The configuration group attached, with its name and links. */
  configuration?: DatabaseResourceRef | undefined;
  /** Replicas of this instance, when it is a replication source. */
  replicas?: DatabaseResourceRef[] | undefined;
  /** The source this instance replicates from, when it is a replica. */
  replicaOf?: DatabaseResourceRef | undefined;
  /** Server-group policy of the instance and its replicas: `affinity` or `anti-affinity`. */
  locality?: string | undefined;
  /** Whether the instance is reachable publicly and from where. */
  access?: DatabaseInstanceAccess | undefined;
  /** `self` and `bookmark` links. */
  links: DatabaseLink[];
  /**
   * Fields of the response this version does not parse (a newer API's additions), as sent, so
   * they stay reachable. Absent when there are none.
   */
  extra?: Readonly<Record<string, unknown>> | undefined;
  created?: Date | undefined;
  updated?: Date | undefined;
  /** What went wrong, for instances in `ERROR` (Trove). */
  fault?: { message: string; details?: string | undefined; created?: Date | undefined } | undefined;
}

/**
 * One address of a database instance.
 * @example const pub = instance.addresses.find((a) => a.type === 'public')?.address;
 */
export interface DatabaseInstanceAddress {
  address: string;
  /** `public` or `private` on Trove; absent when the service gave a bare IP list. */
  type?: 'public' | 'private' | (string & {}) | undefined;
  /** Id of the network a private address is on (newer Trove). */
  network?: string | undefined;
}

/**
 * A link of a database resource.
 * @example const self = instance.links.find((l) => l.rel === 'self')?.href;
 */
export interface DatabaseLink {
  href: string;
  rel: string;
}

/**
 * A reference to another resource (a replica, a replication source, a configuration group).
 * @example for (const r of instance.replicas ?? []) console.log(r.id);
 */
export interface DatabaseResourceRef {
  id: string;
  name?: string | undefined;
  links: DatabaseLink[];
}

/**
 * Network access of an instance.
 * @example if (instance.access?.isPublic) console.log(instance.access.allowedCidrs);
 */
export interface DatabaseInstanceAccess {
  isPublic?: boolean | undefined;
  /** Source ranges allowed to connect, e.g. `["203.0.113.0/24"]`. */
  allowedCidrs?: string[] | undefined;
}

/**
 * A network interface of a new instance (Trove; Rackspace does not take it).
 * @example await createDatabaseInstance(db, { name: 'x', flavorRef: '1', volumeSize: 1, nics: [{ netId }] });
 */
export interface DatabaseInstanceNic {
  /** Network to attach to. */
  netId?: string | undefined;
  /** Existing port to use. */
  portId?: string | undefined;
  /** Fixed IPv4 address on the network. */
  fixedIp?: string | undefined;
}

/**
 * Parameters of `createDatabaseInstance`.
 * @example await createDatabaseInstance(db, { name: 'orders', flavorRef: '1', volumeSize: 5 });
 */
export interface CreateDatabaseInstanceParams {
  /** Instance name. */
  name: string;
  /**
   * Flavor id (e.g. `1` or `"1"`) or flavor href, as `listDatabaseFlavors` returns. Optional for
   * a replica (`replicaOf`), which takes its source's.
   */
  flavorRef?: string | number | undefined;
  /**
   * Volume size in GB, 1 to the client's `maxVolumeSizeGb` (150 by default, Rackspace's limit).
   * Required by Rackspace and by Trove deployments with volume support.
   */
  volumeSize?: number | undefined;
  /** Volume type (Trove). */
  volumeType?: string | undefined;
  /** Datastore type and version; the service's default datastore when omitted. */
  datastore?: { type: string; version?: string | undefined; versionNumber?: string | undefined } | undefined;
  /** Databases created with the instance. */
  databases?: readonly CreateDatabaseParams[] | undefined;
  /** Users created with the instance; they may only be granted databases listed in `databases`. */
  users?: readonly CreateDatabaseUserParams[] | undefined;
  /** Restores this backup (id or href) into the new instance (`restorePoint.backupRef`). */
  backupRef?: string | undefined;
  /** Configuration group id to attach. */
  configuration?: string | undefined;
  /** Availability zone (Trove). */
  availabilityZone?: string | undefined;
  /** Networks to attach (Trove). */
  nics?: readonly DatabaseInstanceNic[] | undefined;
  /** Creates a replica of this instance (`replica_of`); databases and users then come from it. */
  replicaOf?: string | undefined;
  /** How many replicas to create at once with `replicaOf` (Trove). Default 1. */
  replicaCount?: number | undefined;
  /** Server-group policy for the instance and its replicas. */
  locality?: 'affinity' | 'anti-affinity' | undefined;
  /** Network access (Trove with public access support). */
  access?: DatabaseInstanceAccessParams | undefined;
}

/**
 * Parameters of `listDatabaseInstances`.
 * @example for await (const i of listDatabaseInstances(db, { limit: 20, includeClustered: true })) console.log(i.name);
 */
export interface ListDatabaseInstancesParams {
  limit?: number | undefined;
  marker?: string | undefined;
  /** Also list instances that belong to clusters (Trove). */
  includeClustered?: boolean | undefined;
}

/** @internal wire shape */
export interface DatabaseInstanceWire {
  id: string;
  name: string;
  status: string;
  operating_status?: string;
  flavor?: { id?: string | number | null; links?: LinkWire[] };
  volume?: { size: number; used?: number | null; used_percent?: number | null };
  datastore?: { type: string; version: string; version_number?: string };
  hostname?: string;
  ip?: string[];
  addresses?: { address: string; type?: string; network?: string }[];
  region?: string;
  configuration?: { id: string; name?: string; links?: LinkWire[] } | null;
  created?: string;
  updated?: string;
  fault?: { message: string; details?: string; created?: string } | null;
  links?: LinkWire[];
  replicas?: RefWire[];
  replica_of?: RefWire | null;
  locality?: string | null;
  access?: { is_public?: boolean; allowed_cidrs?: string[] } | null;
}

/** @internal */
interface RefWire {
  id: string;
  name?: string;
  links?: LinkWire[];
}

const KNOWN_FIELDS = new Set([
  'id',
  'name',
  'status',
  'operating_status',
  'flavor',
  'volume',
  'datastore',
  'hostname',
  'ip',
  'addresses',
  'region',
  'configuration',
  'created',
  'updated',
  'fault',
  'links',
  'replicas',
  'replica_of',
  'locality',
  'access',
]);

const links = (l: LinkWire[] | undefined): DatabaseLink[] =>
  (l ?? []).map((x) => ({ href: x.href, rel: x.rel }));

const ref = (r: RefWire): DatabaseResourceRef => ({
  id: r.id,
  ...(r.name ? { name: r.name } : {}),
  links: links(r.links),
});

/** @internal */
export function parseDatabaseInstance(w: DatabaseInstanceWire): DatabaseInstance {
  const addresses: DatabaseInstanceAddress[] = w.addresses
    ? w.addresses.map((a) => ({
        address: a.address,
        ...(a.type ? { type: a.type } : {}),
        ...(a.network ? { network: a.network } : {}),
      }))
    : (w.ip ?? []).map((address) => ({ address }));
  const extra = Object.fromEntries(Object.entries(w).filter(([k]) => !KNOWN_FIELDS.has(k)));
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    ...(w.operating_status ? { operatingStatus: w.operating_status } : {}),
    flavorId: idOf(w.flavor) ?? '',
    ...(w.volume
      ? {
          volume: {
            size: w.volume.size,
            ...(typeof w.volume.used === 'number' ? { used: w.volume.used } : {}),
            ...(typeof w.volume.used_percent === 'number' ? { usedPercent: w.volume.used_percent } : {}),
          },
        }
      : {}),
    ...(w.datastore
      ? {
          datastore: {
            type: w.datastore.type,
            version: w.datastore.version,
            ...(w.datastore.version_number ? { versionNumber: w.datastore.version_number } : {}),
          },
        }
      : {}),
    ...(w.hostname ? { hostname: w.hostname } : {}),
    addresses,
    ipAddresses: addresses.map((a) => a.address),
    ...(w.region ? { region: w.region } : {}),
    ...(w.configuration?.id
      ? { configurationId: w.configuration.id, configuration: ref(w.configuration) }
      : {}),
    ...(w.replicas ? { replicas: w.replicas.map(ref) } : {}),
    ...(w.replica_of ? { replicaOf: ref(w.replica_of) } : {}),
    ...(w.locality ? { locality: w.locality } : {}),
    ...(w.access
      ? {
          access: {
            ...(w.access.is_public !== undefined ? { isPublic: w.access.is_public } : {}),
            ...(w.access.allowed_cidrs ? { allowedCidrs: [...w.access.allowed_cidrs] } : {}),
          },
        }
      : {}),
    links: links(w.links),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
    ...(w.created ? { created: parseTroveDate(w.created) } : {}),
    ...(w.updated ? { updated: parseTroveDate(w.updated) } : {}),
    ...(w.fault
      ? {
          fault: {
            message: w.fault.message,
            ...(w.fault.details ? { details: w.fault.details } : {}),
            ...(w.fault.created ? { created: parseTroveDate(w.fault.created) } : {}),
          },
        }
      : {}),
  };
}

const REF = object<RefWire>({ id: string, name: optional(string), links: LINKS });

/** @internal */
export const DATABASE_INSTANCE = object<DatabaseInstanceWire>({
  id: string,
  name: string,
  status: string,
  operating_status: optional(string),
  flavor: optional(
    object<NonNullable<DatabaseInstanceWire['flavor']>>({ id: optional(stringOrNumber), links: LINKS }),
  ),
  volume: optional(
    object<NonNullable<DatabaseInstanceWire['volume']>>({
      size: number,
      used: optional(number),
      used_percent: optional(number),
    }),
  ),
  datastore: optional(
    object<NonNullable<DatabaseInstanceWire['datastore']>>({
      type: string,
      version: string,
      version_number: optional(string),
    }),
  ),
  hostname: optional(string),
  ip: optional(arrayOf(string)),
  addresses: optional(
    arrayOf(
      object<{ address: string; type?: string; network?: string }>({
        address: string,
        type: optional(string),
        network: optional(string),
      }),
    ),
  ),
  region: optional(string),
  configuration: optional(
    object<{ id: string; name?: string; links?: LinkWire[] }>({
      id: string,
      name: optional(string),
      links: LINKS,
    }),
  ),
  created: optional(string),
  updated: optional(string),
  fault: optional(
    object<{ message: string; details?: string; created?: string }>({
      message: string,
      details: optional(string),
      created: optional(string),
    }),
  ),
  links: LINKS,
  replicas: optional(arrayOf(REF)),
  replica_of: optional(REF),
  locality: optional(string),
  access: optional(
    object<NonNullable<DatabaseInstanceWire['access']>>({
      is_public: optional(boolean),
      allowed_cidrs: optional(arrayOf(string)),
    }),
  ),
});
