/**
 * A stateful fake Neutron v2.0 (networks, subnets, ports, security groups and rules, floating
 * IPs) for msw. Flavour `rackspace` behaves as Rackspace Cloud Networks: PublicNet and ServiceNet
 * exist, there are no floating IPs (404), egress rules are refused, and resources carry only the
 * old `tenant_id`. Wire bodies are written from the Neutron api-ref and Rackspace's Cloud Networks
 * guide.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, type Json, notFound, now, unauthorized, uuid } from './common.js';

/** The fake's state and handlers. */
export interface FakeNeutron {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  /** `METHOD /path?query` of every request, relative to the base URL. */
  readonly calls: string[];
  /** Resources by collection (`networks`, `ports`…), then id. */
  readonly store: Record<string, Map<string, Json>>;
}

const COLLECTIONS = {
  networks: 'network',
  subnets: 'subnet',
  ports: 'port',
  'security-groups': 'security_group',
  'security-group-rules': 'security_group_rule',
  floatingips: 'floatingip',
} as const;
type Collection = keyof typeof COLLECTIONS;

const PROJECT = 'p-0123456789';

/** The next free IPv4 address of a /24-or-larger subnet, from `.10` up. */
function nextAddress(cidr: string, used: Set<string>): string {
  const [base] = cidr.split('/');
  const octets = base!.split('.').map(Number);
  for (let host = 10; host < 250; host += 1) {
    const ip = `${octets[0]}.${octets[1]}.${octets[2]}.${host}`;
    if (!used.has(ip)) return ip;
  }
  throw new Error(`fake neutron: ${cidr} is full`);
}

/**
 * Creates the fake.
 * @example const neutron = createFakeNeutron({ baseUrl: 'https://net.mock.test:9696/v2.0' }); cloud.use(...neutron.handlers);
 */
export function createFakeNeutron(options: {
  baseUrl: string;
  flavour?: 'openstack' | 'rackspace';
}): FakeNeutron {
  const base = options.baseUrl.replace(/\/$/, '');
  const rackspace = options.flavour === 'rackspace';
  const calls: string[] = [];
  const store = Object.fromEntries(
    Object.keys(COLLECTIONS).map((k) => [k, new Map<string, Json>()]),
  ) as Record<Collection, Map<string, Json>>;

  const standard = (fields: Json): Json => {
    const common = rackspace
      ? { tenant_id: PROJECT }
      : {
          project_id: PROJECT,
          tenant_id: PROJECT,
          tags: [],
          revision_number: 1,
          created_at: now(),
          updated_at: now(),
        };
    return { id: uuid(), ...common, ...fields };
  };
  const put = (collection: Collection, item: Json) => {
    store[collection].set(item.id, item);
    return item;
  };
  const networkWire = (n: Json): Json =>
    standard({
      name: n.name ?? '',
      status: 'ACTIVE',
      admin_state_up: n.admin_state_up ?? true,
      shared: n.shared ?? false,
      subnets: [],
      ...(rackspace ? {} : { 'router:external': n['router:external'] ?? false, mtu: 1450 }),
      ...(n.id ? { id: n.id } : {}),
    });

  // Seed: the provider's predefined networks.
  if (rackspace) {
    put(
      'networks',
      networkWire({ id: '00000000-0000-0000-0000-000000000000', name: 'public', shared: true }),
    );
    put(
      'networks',
      networkWire({ id: '11111111-1111-1111-1111-111111111111', name: 'private', shared: true }),
    );
  } else {
    put('networks', networkWire({ name: 'public', 'router:external': true }));
  }

  const ruleWire = (r: Json): Json =>
    standard({
      security_group_id: r.security_group_id,
      direction: r.direction,
      ethertype: r.ethertype ?? 'IPv4',
      protocol: r.protocol ?? null,
      port_range_min: r.port_range_min ?? null,
      port_range_max: r.port_range_max ?? null,
      remote_ip_prefix: r.remote_ip_prefix ?? null,
      remote_group_id: r.remote_group_id ?? null,
      description: r.description ?? '',
    });
  const withRules = (g: Json): Json => ({
    ...g,
    security_group_rules: [...store['security-group-rules'].values()].filter(
      (r) => r.security_group_id === g.id,
    ),
  });
  const usedAddresses = () =>
    new Set(
      [...store.ports.values()].flatMap((p) => (p.fixed_ips as Json[]).map((ip) => ip.ip_address as string)),
    );
  const badRequest = (message: string) =>
    HttpResponse.json({ NeutronError: { type: 'BadRequest', message, detail: '' } }, { status: 400 });
  const conflict = (message: string) =>
    HttpResponse.json({ NeutronError: { type: 'Conflict', message, detail: '' } }, { status: 409 });

  const create: Record<Collection, (body: Json) => Json | Response> = {
    networks: (b) => put('networks', networkWire(b)),
    subnets(b) {
      const network = store.networks.get(b.network_id);
      if (!network) return notFound(`Network ${b.network_id}`);
      const cidr = b.cidr as string;
      const prefix = cidr.split('/')[0]!;
      const gateway = b.gateway_ip === undefined ? prefix.replace(/\.0$/, '.1') : b.gateway_ip;
      const subnet = put(
        'subnets',
        standard({
          name: b.name ?? '',
          network_id: b.network_id,
          ip_version: b.ip_version ?? 4,
          cidr,
          gateway_ip: gateway,
          enable_dhcp: b.enable_dhcp ?? true,
          allocation_pools: b.allocation_pools ?? [
            { start: prefix.replace(/\.0$/, '.2'), end: prefix.replace(/\.0$/, '.254') },
          ],
          dns_nameservers: b.dns_nameservers ?? [],
          host_routes: b.host_routes ?? [],
          description: '',
        }),
      );
      network.subnets.push(subnet.id);
      return subnet;
    },
    ports(b) {
      const network = store.networks.get(b.network_id);
      if (!network) return notFound(`Network ${b.network_id}`);
      const requested =
        (b.fixed_ips as Json[] | undefined) ?? network.subnets.map((s: string) => ({ subnet_id: s }));
      const fixed = requested.map((ip: Json) => {
        const subnetId = ip.subnet_id ?? network.subnets[0];
        const subnet = store.subnets.get(subnetId);
        return {
          subnet_id: subnetId,
          ip_address: ip.ip_address ?? nextAddress(subnet?.cidr ?? '10.0.0.0/24', usedAddresses()),
        };
      });
      const defaultGroup = [...store['security-groups'].values()].find((g) => g.name === 'default');
      return put(
        'ports',
        standard({
          name: b.name ?? '',
          network_id: b.network_id,
          status: b.device_id ? 'ACTIVE' : 'DOWN',
          admin_state_up: b.admin_state_up ?? true,
          mac_address: `fa:16:3e:00:00:${(store.ports.size + 1).toString(16).padStart(2, '0')}`,
          fixed_ips: fixed,
          device_id: b.device_id ?? '',
          device_owner: b.device_owner ?? '',
          security_groups: b.security_groups ?? (defaultGroup ? [defaultGroup.id] : []),
          description: '',
        }),
      );
    },
    'security-groups'(b) {
      const group = put('security-groups', standard({ name: b.name, description: b.description ?? '' }));
      if (!rackspace) {
        for (const ethertype of ['IPv4', 'IPv6']) {
          put(
            'security-group-rules',
            ruleWire({ security_group_id: group.id, direction: 'egress', ethertype }),
          );
        }
      }
      return withRules(group);
    },
    'security-group-rules'(b) {
      if (!store['security-groups'].has(b.security_group_id))
        return notFound(`Security group ${b.security_group_id}`);
      if (rackspace && b.direction === 'egress') return badRequest('egress rules are not supported');
      return put('security-group-rules', ruleWire(b));
    },
    floatingips(b) {
      const network = store.networks.get(b.floating_network_id);
      if (!network?.['router:external'])
        return badRequest(`network ${b.floating_network_id} is not external`);
      const port = b.port_id ? store.ports.get(b.port_id) : undefined;
      return put(
        'floatingips',
        standard({
          floating_ip_address: `172.24.4.${10 + store.floatingips.size}`,
          floating_network_id: b.floating_network_id,
          status: port ? 'ACTIVE' : 'DOWN',
          port_id: port?.id ?? null,
          fixed_ip_address: port ? (b.fixed_ip_address ?? port.fixed_ips[0].ip_address) : null,
          router_id: null,
          description: '',
        }),
      );
    },
  };

  const update = (collection: Collection, item: Json, b: Json): Json | Response => {
    if (collection === 'floatingips' && 'port_id' in b) {
      const port = b.port_id ? store.ports.get(b.port_id) : undefined;
      if (b.port_id && !port) return notFound(`Port ${b.port_id}`);
      Object.assign(item, {
        port_id: port?.id ?? null,
        fixed_ip_address: port ? (b.fixed_ip_address ?? port.fixed_ips[0].ip_address) : null,
        status: port ? 'ACTIVE' : 'DOWN',
      });
      return item;
    }
    if (collection === 'networks' && rackspace && 'admin_state_up' in b)
      return badRequest('admin_state_up cannot change');
    Object.assign(item, b);
    if (!rackspace) item.revision_number += 1;
    return item;
  };

  const remove = (collection: Collection, id: string): Response | undefined => {
    if (collection === 'networks') {
      if ([...store.ports.values()].some((p) => p.network_id === id))
        return conflict(`network ${id} has ports`);
      for (const s of [...store.subnets.values()]) if (s.network_id === id) store.subnets.delete(s.id);
    }
    if (collection === 'subnets') {
      const subnet = store.subnets.get(id)!;
      const network = store.networks.get(subnet.network_id);
      if (network) network.subnets = network.subnets.filter((s: string) => s !== id);
    }
    if (collection === 'security-groups') {
      for (const r of [...store['security-group-rules'].values()]) {
        if (r.security_group_id === id) store['security-group-rules'].delete(r.id);
      }
    }
    store[collection].delete(id);
    return undefined;
  };

  const show = (collection: Collection, item: Json) =>
    collection === 'security-groups' ? withRules(item) : item;
  const served = (collection: Collection) => !(rackspace && collection === 'floatingips');

  const handlers: RequestHandler[] = [
    http.all(`${base}/:collection`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const collection = params.collection as Collection;
      if (!(collection in COLLECTIONS) || !served(collection)) return notFound(`resource ${collection}`);
      const singular = COLLECTIONS[collection];
      if (request.method === 'GET') {
        const query = new URL(request.url).searchParams;
        const items = [...store[collection].values()].filter((item) =>
          [...new Set(query.keys())]
            .filter((k) => !['fields', 'limit', 'marker', 'sort_key', 'sort_dir'].includes(k))
            .every((k) => query.getAll(k).includes(String(item[k]))),
        );
        return HttpResponse.json({ [collection.replace(/-/g, '_')]: items.map((i) => show(collection, i)) });
      }
      if (request.method === 'POST') {
        const body = (await request.json()) as Json;
        const result = create[collection](body[singular] ?? {});
        return result instanceof Response
          ? result
          : HttpResponse.json({ [singular]: result }, { status: 201 });
      }
      return new HttpResponse(null, { status: 405 });
    }),
    http.all(`${base}/:collection/:id`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const collection = params.collection as Collection;
      if (!(collection in COLLECTIONS) || !served(collection)) return notFound(`resource ${collection}`);
      const singular = COLLECTIONS[collection];
      const item = store[collection].get(params.id as string);
      if (!item) return notFound(`${singular} ${params.id}`);
      if (request.method === 'GET') return HttpResponse.json({ [singular]: show(collection, item) });
      if (request.method === 'PUT') {
        const body = (await request.json()) as Json;
        const result = update(collection, item, body[singular] ?? {});
        return result instanceof Response
          ? result
          : HttpResponse.json({ [singular]: show(collection, result) });
      }
      if (request.method === 'DELETE')
        return remove(collection, item.id) ?? new HttpResponse(null, { status: 204 });
      return new HttpResponse(null, { status: 405 });
    }),
  ];
  return { baseUrl: base, handlers, calls, store };
}
