import { number, object, optional, string, stringOrNumber } from '@cloud/core/service';
import { idOf, LINKS, type LinkWire } from '../internal/common.js';

/**
 * A database flavor: the memory and CPU of an instance.
 * @example const [smallest] = (await toArray(listDatabaseFlavors(db))).sort((a, b) => a.ram - b.ram);
 */
export interface DatabaseFlavor {
  /** Flavor id, as a string (Rackspace's integer ids too); pass it as `flavorRef`. */
  id: string;
  name: string;
  /** Memory in MB. */
  ram: number;
  /** Virtual CPUs, when reported (Trove). */
  vcpus?: number | undefined;
  /** Local disk in GB, when reported (flavors with ephemeral storage). */
  disk?: number | undefined;
  /** The flavor's `self` link, also accepted as `flavorRef`. */
  href?: string | undefined;
}

/** @internal wire shape */
export interface DatabaseFlavorWire {
  id?: number | string | null;
  str_id?: string;
  name: string;
  ram: number;
  vcpus?: number;
  disk?: number;
  links?: LinkWire[];
}

/** @internal */
export function parseDatabaseFlavor(w: DatabaseFlavorWire): DatabaseFlavor {
  const href = w.links?.find((l) => l.rel === 'self')?.href;
  return {
    id: w.str_id ?? idOf(w) ?? '',
    name: w.name,
    ram: w.ram,
    ...(typeof w.vcpus === 'number' ? { vcpus: w.vcpus } : {}),
    ...(typeof w.disk === 'number' ? { disk: w.disk } : {}),
    ...(href ? { href } : {}),
  };
}

/** @internal */
export const DATABASE_FLAVOR = object<DatabaseFlavorWire>({
  id: optional(stringOrNumber),
  str_id: optional(string),
  name: string,
  ram: number,
  vcpus: optional(number),
  disk: optional(number),
  links: LINKS,
});
