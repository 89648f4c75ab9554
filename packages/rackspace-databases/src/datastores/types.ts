import { arrayOf, boolean, number, object, oneOf, optional, string } from '@cloud/core/service';
import type { DatabaseLink } from '../instances/types.js';
import { LINKS, type LinkWire } from '../internal/common.js';
/**
 * A datastore version (e.g. MySQL `5.7`).
 * @example const v = await getDatastoreVersion(db, 'mysql', '5.7');
 */
export interface DatastoreVersion {
  id: string;
  /** Version name, used as `datastore.version` when creating instances. */
  name: string;
  /** Id of the datastore it belongs to, when reported. */
  datastoreId?: string | undefined;
  /** False for versions that can no longer be used for new instances. */
  active?: boolean | undefined;
  /** Full version number (newer Trove), e.g. `5.7.29`. */
  version?: string | undefined;
  links: DatabaseLink[];
}

/**
 * A datastore: a database engine such as `mysql`, `percona` or `mariadb`, with its versions.
 * @example const mysql = (await toArray(listDatastores(db))).find((d) => d.name === 'mysql');
 */
export interface Datastore {
  id: string;
  /** Engine name, used as `datastore.type` when creating instances. */
  name: string;
  /** Id of the version used when none is asked for. */
  defaultVersion?: string | undefined;
  versions: DatastoreVersion[];
  links: DatabaseLink[];
}

/** @internal wire shape */
export interface DatastoreVersionWire {
  id: string;
  name: string;
  datastore?: string;
  active?: boolean | number;
  version?: string;
  links?: LinkWire[];
}

/** @internal wire shape */
export interface DatastoreWire {
  id: string;
  name: string;
  default_version?: string;
  versions?: DatastoreVersionWire[];
  links?: LinkWire[];
}

const links = (l: LinkWire[] | undefined): DatabaseLink[] =>
  (l ?? []).map((x) => ({ href: x.href, rel: x.rel }));

/** @internal */
export const parseDatastoreVersion = (w: DatastoreVersionWire): DatastoreVersion => ({
  id: w.id,
  name: w.name,
  ...(w.datastore ? { datastoreId: w.datastore } : {}),
  ...(w.active === undefined ? {} : { active: Boolean(w.active) }),
  ...(w.version ? { version: w.version } : {}),
  links: links(w.links),
});

/** @internal */
export const parseDatastore = (w: DatastoreWire): Datastore => ({
  id: w.id,
  name: w.name,
  ...(w.default_version ? { defaultVersion: w.default_version } : {}),
  versions: (w.versions ?? []).map(parseDatastoreVersion),
  links: links(w.links),
});

/** @internal */
export const DATASTORE_VERSION = object<DatastoreVersionWire>({
  id: string,
  name: string,
  datastore: optional(string),
  active: optional(oneOf(boolean, number)),
  version: optional(string),
  links: LINKS,
});

/** @internal */
export const DATASTORE = object<DatastoreWire>({
  id: string,
  name: string,
  default_version: optional(string),
  versions: optional(arrayOf(DATASTORE_VERSION)),
  links: LINKS,
});
