import { EndpointNotFoundError, ValidationError } from '../errors/errors.js';

/** Which network an endpoint is reached on. Rackspace's ServiceNet is `internal`. */
export type EndpointInterface = 'public' | 'internal' | 'admin';

/** One URL of one service, in one region, for one interface. */
export interface Endpoint {
  url: string;
  interface: EndpointInterface;
  /** Missing for global endpoints, which then match any region. */
  region?: string | undefined;
  id?: string | undefined;
  /** Rackspace and v2.0 catalogs carry a tenant id per endpoint. */
  tenantId?: string | undefined;
}

/** A service in the catalog, normalised from the v3 or v2.0 shape. */
export interface CatalogEntry {
  type: string;
  name?: string | undefined;
  id?: string | undefined;
  endpoints: Endpoint[];
}

/** The normalised service catalog. */
export type ServiceCatalog = CatalogEntry[];

/** @internal v3 catalog wire shape */
export interface V3CatalogWire {
  type: string;
  name?: string;
  id?: string;
  endpoints?: {
    url: string;
    interface: string;
    region?: string | null;
    region_id?: string | null;
    id?: string;
  }[];
}

/** @internal v2.0 catalog wire shape */
export interface V2CatalogWire {
  type: string;
  name?: string;
  endpoints?: {
    region?: string;
    publicURL?: string;
    internalURL?: string;
    adminURL?: string;
    tenantId?: string;
    id?: string;
  }[];
}

/** Parses a Keystone v3 `token.catalog`. */
export function parseV3Catalog(wire: V3CatalogWire[] | undefined): ServiceCatalog {
  return (wire ?? []).map((s) => ({
    type: s.type,
    name: s.name,
    id: s.id,
    endpoints: (s.endpoints ?? []).flatMap((e) => {
      const iface = normalizeInterface(e.interface, true);
      if (!iface) return [];
      return [{ url: e.url, interface: iface, region: e.region_id ?? e.region ?? undefined, id: e.id }];
    }),
  }));
}

/** Parses a Keystone v2.0 / Rackspace `access.serviceCatalog`. */
export function parseV2Catalog(wire: V2CatalogWire[] | undefined): ServiceCatalog {
  return (wire ?? []).map((s) => ({
    type: s.type,
    name: s.name,
    endpoints: (s.endpoints ?? []).flatMap((e) => {
      const out: Endpoint[] = [];
      const common = { region: e.region || undefined, tenantId: e.tenantId, id: e.id };
      if (e.publicURL) out.push({ url: e.publicURL, interface: 'public', ...common });
      if (e.internalURL) out.push({ url: e.internalURL, interface: 'internal', ...common });
      if (e.adminURL) out.push({ url: e.adminURL, interface: 'admin', ...common });
      return out;
    }),
  }));
}

/**
 * Accepts `public`, `publicURL`, `internal`, `internalURL`, `admin`, `adminURL` (any case) and
 * `servicenet` (Rackspace's name for internal).
 */
export function normalizeInterface(value: string, lenient = false): EndpointInterface | undefined {
  const v = value.toLowerCase().replace(/url$/, '');
  if (v === 'public' || v === 'internal' || v === 'admin') return v;
  if (v === 'servicenet' || v === 'private') return 'internal';
  if (lenient) return undefined;
  throw new ValidationError(
    `Unknown endpoint interface "${value}": use public, internal (Rackspace ServiceNet) or admin`,
    'interface',
  );
}

/**
 * Service types that mean the same service in different clouds. Rackspace names its database
 * service `rax:database`; Trove registers `database`.
 */
export const SERVICE_TYPE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'object-store': ['object-store'],
  compute: ['compute'],
  database: ['database', 'rax:database'],
  'rax:database': ['rax:database', 'database'],
  'rax:object-cdn': ['rax:object-cdn'],
  identity: ['identity'],
};

/** What to look for in the catalog. */
export interface EndpointQuery {
  /** Service type, e.g. `object-store`, `compute`, `database`. Aliases are followed. */
  type: string;
  /** Service name, e.g. `swift` or `cloudFiles`, when a catalog lists several of one type. */
  name?: string | undefined;
  /** Region id. When omitted and the service exists in exactly one region, that region is used. */
  region?: string | undefined;
  /** Defaults to `public`. */
  interface?: EndpointInterface | string | undefined;
}

/** Every region the catalog names, sorted. Pass `type` to see only the regions offering that service. */
export function listCatalogRegions(catalog: ServiceCatalog, type?: string): string[] {
  const types = type ? (SERVICE_TYPE_ALIASES[type] ?? [type]) : undefined;
  const set = new Set<string>();
  for (const entry of catalog) {
    if (types && !types.includes(entry.type)) continue;
    for (const e of entry.endpoints) if (e.region) set.add(e.region);
  }
  return [...set].sort();
}

/**
 * Picks the endpoint URL for a service.
 *
 * Matching: entries of the type (or an alias) and, if given, the name; then endpoints of the
 * interface in the region (endpoints without a region match every region). When no region is given
 * and the service is offered in several regions, it throws rather than guess. When several
 * entries still match (e.g. two compute services), the first in catalog order wins; pass `name`.
 *
 * @throws EndpointNotFoundError listing the regions and interfaces the service does have.
 * @example
 * ```ts
 * const url = resolveEndpoint(auth.catalog, { type: 'object-store', region: 'DFW', interface: 'internal' });
 * ```
 */
export function resolveEndpoint(catalog: ServiceCatalog, query: EndpointQuery): string {
  const iface = normalizeInterface(query.interface ?? 'public');
  const types = SERVICE_TYPE_ALIASES[query.type] ?? [query.type];
  const entries = catalog.filter((c) => types.includes(c.type) && (!query.name || c.name === query.name));
  const label = `${query.type}${query.name ? ` named "${query.name}"` : ''}`;
  if (entries.length === 0) {
    const offered = [...new Set(catalog.map((c) => (c.name ? `${c.type} (${c.name})` : c.type)))].sort();
    throw new EndpointNotFoundError(
      `The service catalog has no ${label} service. It offers: ${offered.join(', ') || 'nothing'}`,
      { serviceType: query.type },
    );
  }
  const all = entries.flatMap((e) => e.endpoints);
  const regions = [...new Set(all.flatMap((e) => (e.region ? [e.region] : [])))].sort();
  let region = query.region;
  if (!region) {
    if (regions.length > 1 && !all.some((e) => !e.region && e.interface === iface)) {
      throw new EndpointNotFoundError(
        `${label} is offered in several regions (${regions.join(', ')}); choose one with the region option or OS_REGION_NAME`,
        { serviceType: query.type, availableRegions: regions },
      );
    }
    region = regions[0];
  }
  const inRegion = all.filter((e) => !e.region || !region || e.region === region);
  const match =
    inRegion.find((e) => e.interface === iface && e.region === region) ??
    inRegion.find((e) => e.interface === iface);
  if (match) return match.url;
  const interfaces = [...new Set(inRegion.map((e) => e.interface))].sort();
  const why =
    inRegion.length === 0
      ? `no endpoint in region ${region}; regions offering it: ${regions.join(', ') || 'none'}`
      : `no ${iface} endpoint in region ${region}; interfaces there: ${interfaces.join(', ')}`;
  throw new EndpointNotFoundError(`Cannot use ${label}: ${why}`, {
    serviceType: query.type,
    availableRegions: regions,
    availableInterfaces: interfaces,
  });
}
