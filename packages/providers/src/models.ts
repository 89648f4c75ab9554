import type { ProviderName } from './names.js';

/**
 * Server status, the same on every provider. `providerStatus` keeps the cloud's own word.
 * OpenStack / Rackspace (Nova) and Amazon (EC2) map as follows:
 * - `RUNNING`: `ACTIVE`; EC2 `running`
 * - `PROVISIONING`: `BUILD`, `REBUILD`; EC2 `pending`
 * - `REBOOTING`: `REBOOT`, `HARD_REBOOT`
 * - `STOPPED`: `SHUTOFF`, `PAUSED`, `SUSPENDED`, `SHELVED`, `SHELVED_OFFLOADED`; EC2 `stopping`, `stopped`
 * - `UPDATING`: `RESIZE`, `VERIFY_RESIZE`, `REVERT_RESIZE`, `MIGRATING`, `PASSWORD`, `RESCUE`
 * - `ERROR`; `DELETED` (`DELETED`, `SOFT_DELETED`; EC2 `shutting-down`, `terminated`); `UNKNOWN` (anything else)
 */
export type ProviderServerStatus =
  | 'RUNNING'
  | 'PROVISIONING'
  | 'REBOOTING'
  | 'STOPPED'
  | 'UPDATING'
  | 'ERROR'
  | 'DELETED'
  | 'UNKNOWN';

/** A server, with the same fields on every provider. */
export interface ProviderServer {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Server id (a UUID on OpenStack, `i-…` on Amazon). */
  id: string;
  name: string;
  /** The status, the same words on every provider. */
  status: ProviderServerStatus;
  /** The status as the cloud reported it, e.g. `ACTIVE`, `BUILD`. */
  providerStatus: string;
  /** Flavor id; undefined on clouds that embed the flavor (Nova microversion 2.47+). */
  flavorId?: string | undefined;
  /** Image id; undefined for servers booted from a volume. */
  imageId?: string | undefined;
  /** Addresses reachable from outside (floating IPs, Rackspace `public`, access IPs), then private ones. */
  addresses: {
    /** Floating IPs, Rackspace `public` addresses and access IPs. */
    public: string[];
    /** Fixed addresses on tenant networks, Rackspace ServiceNet. */
    private: string[];
  };
  /** User metadata of the server. */
  metadata: Record<string, string>;
  /** Build progress 0-100, when reported. */
  progress?: number | undefined;
  /** When the server was created. */
  created?: Date | undefined;
  /** When the server last changed. */
  updated?: Date | undefined;
  /** The root password; only on the result of `createServer`, and only when the cloud generated one. */
  adminPass?: string | undefined;
}

/** A compute flavor (hardware profile). */
export interface ProviderFlavor {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Flavor id, as `createServer` takes it. */
  id: string;
  /** Flavor name, e.g. `m1.small` or `general1-1`. */
  name: string;
  /** Memory in MiB. */
  ram: number;
  /** Root disk in GiB. */
  disk: number;
  /** Virtual CPUs. */
  vcpus: number;
}

/** A bootable image. */
export interface ProviderImage {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Image id, as `createServer` takes it. */
  id: string;
  /** Image name, e.g. `Ubuntu 24.04`. */
  name: string;
  /** `ACTIVE` when usable; `SAVING` while a snapshot is taken. */
  status: string;
  /** Smallest root disk in GiB, when the image declares one. */
  minDisk?: number | undefined;
  /** Smallest memory in MiB, when the image declares one. */
  minRam?: number | undefined;
  /** When the image was created. */
  created?: Date | undefined;
  /** When the image last changed. */
  updated?: Date | undefined;
}

/** An object storage container. */
export interface ProviderContainer {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Container name. */
  name: string;
  /** Number of objects. */
  count: number;
  /** Bytes stored. */
  bytes: number;
}

/** A stored file (object). */
export interface ProviderFile {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** The container holding the file. */
  container: string;
  /** The file's name in the container, `/` included. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** MIME type, e.g. `image/png`. */
  contentType?: string | undefined;
  /** MD5 of the content (for large objects: of the manifest). */
  etag?: string | undefined;
  /** When the file was last written. */
  lastModified?: Date | undefined;
  /** Custom metadata (Swift `X-Object-Meta-*`, S3 `x-amz-meta-*`), when read with the file. */
  metadata?: Record<string, string> | undefined;
}

/** A managed database instance (Rackspace Cloud Databases, OpenStack Trove). */
export interface ProviderDatabaseInstance {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Instance id (a UUID). */
  id: string;
  /** Instance name. */
  name: string;
  /** `ACTIVE` when usable; `BUILD`, `RESIZE`, `REBOOT`... while busy; `ERROR`/`FAILED` after a failure. */
  status: string;
  /** Flavor id (memory and CPU). */
  flavorId: string;
  /** Volume size in GB. */
  size?: number | undefined;
  /** Where to connect: the host name (Rackspace) or the first IP address (Trove). */
  hostname?: string | undefined;
  /** Database engine and version, e.g. `{ type: 'mysql', version: '5.7' }`. */
  datastore?: { type: string; version: string } | undefined;
  /** Every address with its type (`public` / `private`, when the cloud says). */
  addresses: { address: string; type?: string | undefined }[];
  /**
   * Replication layout: the source this instance replicates from (`replicaOf`) and the ids of its
   * own replicas (empty when it has none).
   */
  replication: { replicaOf?: string | undefined; replicas: string[] };
  /** When the instance was created. */
  created?: Date | undefined;
}

/** A database flavor (memory and CPU of an instance). */
export interface ProviderDatabaseFlavor {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Flavor id, as `createInstance` takes it. */
  id: string;
  /** Flavor name, e.g. `1GB Instance`. */
  name: string;
  /** Memory in MB. */
  ram: number;
}

/** A database (schema) on an instance. */
export interface ProviderDatabase {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** The instance the database lives on. */
  instanceId: string;
  /** Database name. */
  name: string;
}

/** A database user on an instance. */
export interface ProviderDatabaseUser {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** The instance the user lives on. */
  instanceId: string;
  /** User name. */
  name: string;
  /** Host pattern the user may connect from (`%`: anywhere). */
  host: string;
  /** Databases the user may use. */
  databases: string[];
}
