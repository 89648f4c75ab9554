"""Keystone entries, seed data, a readiness check and the env file of the services beyond Swift.

Run with Debian's /usr/bin/python3; standard library only. Subcommands (profiles as arguments):
  keystone PROFILE...  service users (admin + service on project `service`), services and
                       endpoints in RegionOne, so that clients find each API through the catalog
  seed PROFILE...      as admin: flavors, a small public image, a shared network and an external
                       network with subnets, a volume type (what the integration tests use)
  verify PROFILE...    a demo-user token, then one authenticated GET per API through the catalog
  smoke PROFILE...     one real operation per service as the demo user (check.sh runs it)
  env                  services.env / services.json from services.list and the seeded ids
Everything is read from the state directory (CLOUD_OPENSTACK_DIR).
"""

import json
import os
import shlex
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cloud  # noqa: E402
from cloud import Broken, Fail, Keystone, jbody, password_token, request  # noqa: E402

HOST = cloud.HOST
REGION = 'RegionOne'

# profile -> (service user, [(type, name, description, url)])
CATALOG = {
    'placement': ('placement', [('placement', 'placement', 'Placement', f'http://{HOST}:8778')]),
    'image': ('glance', [('image', 'glance', 'Image', f'http://{HOST}:9292')]),
    'network': ('neutron', [('network', 'neutron', 'Networking', f'http://{HOST}:9696')]),
    'compute': ('nova', [('compute', 'nova', 'Compute', f'http://{HOST}:8774/v2.1')]),
    'block-storage': ('cinder', [
        ('volumev3', 'cinderv3', 'Block Storage v3', f'http://{HOST}:8776/v3/%(project_id)s'),
        ('block-storage', 'cinder', 'Block Storage', f'http://{HOST}:8776/v3/%(project_id)s'),
    ]),
    'dns': ('designate', [('dns', 'designate', 'DNS', f'http://{HOST}:9001')]),
    'load-balancer': ('octavia', [('load-balancer', 'octavia', 'Load balancing', f'http://{HOST}:9876')]),
}

LB_ROLES = ('load-balancer_member', 'load-balancer_observer', 'load-balancer_global_observer',
            'load-balancer_quota_admin')

FLAVORS = (
    # name, vcpus, ram MiB, disk GiB
    ('cloud-it.tiny', 1, 128, 1),
    ('cloud-it.small', 1, 256, 2),
    # More disk than the fake hypervisor has (600000 GiB), and disk has no quota: the scheduler
    # finds no host and the server goes to ERROR.
    ('cloud-it.impossible', 1, 128, 10_000_000),
)
IMAGE_NAME = 'cloud-it-image'
NETWORK = 'cloud-it-net'
SUBNET_CIDR = '10.42.0.0/24'
EXTERNAL = 'cloud-it-public'
EXTERNAL_CIDR = '203.0.113.0/24'
VOLUME_TYPE = 'cloud-it-fake'

SEED_PATH = os.path.join(cloud.STATE, 'services-seed.json')


def admin():
    s = cloud.read_secrets()
    token, body = password_token('admin', s['ADMIN_PASSWORD'], 'admin')
    return token, body


def endpoint(body, stype):
    for svc in body.get('catalog', []):
        if svc['type'] == stype:
            for ep in svc['endpoints']:
                if ep['interface'] == 'public' and ep.get('region_id') == REGION:
                    return ep['url'].rstrip('/')
    raise Broken(f'catalog has no public {stype} endpoint in {REGION}')


def keystone(profiles):
    s = cloud.read_secrets()
    token, _ = admin()
    ks = Keystone(token)
    roles = {r: ks.find('roles', name=r)[0]['id'] for r in ('admin', 'service')}
    service_project = ks.find('projects', name='service', domain_id='default')[0]['id']
    for profile in profiles:
        if profile not in CATALOG:
            continue
        user, services = CATALOG[profile]
        password = s[f'{user.upper()}_PASSWORD']
        u = ks.ensure('users', 'user', {'name': user, 'domain_id': 'default'},
                      {'name': user, 'domain_id': 'default', 'password': password,
                       'default_project_id': service_project, 'enabled': True})
        if not cloud.password_ok(user, password):
            ks.call('PATCH', f'/users/{u["id"]}', {'user': {'password': password, 'enabled': True}})
        for role in roles.values():
            ks.grant(service_project, u['id'], role)
        for stype, name, desc, url in services:
            svc = ks.ensure('services', 'service', {'type': stype},
                            {'type': stype, 'name': name, 'description': desc, 'enabled': True})
            ks.ensure_endpoints(svc['id'], REGION, {i: url for i in ('public', 'internal', 'admin')})
    if 'load-balancer' in profiles:
        # Octavia's default policy admits project users holding load-balancer_member (observer:
        # read only), as in real deployments; the demo user gets the member role.
        lb_roles = {r: ks.ensure('roles', 'role', {'name': r}, {'name': r})['id'] for r in LB_ROLES}
        demo_user = ks.find('users', name=cloud.DEMO, domain_id='default')[0]['id']
        demo_project = ks.find('projects', name='demo', domain_id='default')[0]['id']
        ks.grant(demo_project, demo_user, lb_roles['load-balancer_member'])
    print(f'keystone: service users and endpoints for {", ".join(profiles)}')


def load_seed():
    if os.path.exists(SEED_PATH):
        with open(SEED_PATH) as f:
            return json.load(f)
    return {}


def seed_flavors(token, nova, out):
    _, _, rb = request('GET', f'{nova}/flavors/detail?is_public=None', token=token, expect=(200,))
    have = {f['name']: f for f in jbody(rb)['flavors']}
    for name, vcpus, ram, disk in FLAVORS:
        flavor = have.get(name)
        if not flavor:
            _, _, rb = request('POST', f'{nova}/flavors', {'flavor': {
                'name': name, 'vcpus': vcpus, 'ram': ram, 'disk': disk}}, token=token, expect=(200,))
            flavor = jbody(rb)['flavor']
        out[name] = flavor['id']


def seed_image(token, glance, out):
    _, _, rb = request('GET', f'{glance}/v2/images?name={IMAGE_NAME}', token=token, expect=(200,))
    images = [i for i in jbody(rb)['images'] if i['status'] in ('active', 'queued')]
    image = next((i for i in images if i['status'] == 'active'), None)
    for stale in images:
        if stale is not image:
            request('DELETE', f'{glance}/v2/images/{stale["id"]}', token=token, expect=(204, 404))
    if not image:
        _, _, rb = request('POST', f'{glance}/v2/images', {
            'name': IMAGE_NAME, 'disk_format': 'raw', 'container_format': 'bare',
            'visibility': 'public', 'min_disk': 0, 'min_ram': 0}, token=token, expect=(201,))
        image = jbody(rb)
        # 64 KiB of zeros: a raw disk image that nothing boots, which the fake driver does not need.
        request('PUT', f'{glance}/v2/images/{image["id"]}/file', bytes(65536), token=token,
                headers={'Content-Type': 'application/octet-stream'}, expect=(204,))
        deadline = time.time() + 60
        while True:
            _, _, rb = request('GET', f'{glance}/v2/images/{image["id"]}', token=token, expect=(200,))
            if jbody(rb)['status'] == 'active':
                break
            if time.time() > deadline:
                raise Fail(f'image {image["id"]} did not become active')
            time.sleep(0.5)
    out['image'] = image['id']


def ensure_network(token, neutron, name, body, cidr, subnet_extra):
    _, _, rb = request('GET', f'{neutron}/v2.0/networks?name={name}', token=token, expect=(200,))
    nets = jbody(rb)['networks']
    net = nets[0] if nets else None
    if not net:
        _, _, rb = request('POST', f'{neutron}/v2.0/networks', {'network': {'name': name, **body}},
                           token=token, expect=(201,))
        net = jbody(rb)['network']
    _, _, rb = request('GET', f'{neutron}/v2.0/subnets?network_id={net["id"]}', token=token, expect=(200,))
    subnets = jbody(rb)['subnets']
    if subnets:
        subnet = subnets[0]
    else:
        _, _, rb = request('POST', f'{neutron}/v2.0/subnets', {'subnet': {
            'name': f'{name}-subnet', 'network_id': net['id'], 'ip_version': 4, 'cidr': cidr,
            **subnet_extra}}, token=token, expect=(201,))
        subnet = jbody(rb)['subnet']
    return net['id'], subnet['id']


def seed_networks(token, neutron, out):
    out['network'], out['subnet'] = ensure_network(
        token, neutron, NETWORK, {'shared': True, 'admin_state_up': True}, SUBNET_CIDR,
        {'enable_dhcp': False})
    out['external_network'], out['external_subnet'] = ensure_network(
        token, neutron, EXTERNAL,
        {'router:external': True, 'provider:network_type': 'flat', 'provider:physical_network': 'public',
         'admin_state_up': True},
        EXTERNAL_CIDR, {'enable_dhcp': False, 'gateway_ip': '203.0.113.1',
                        'allocation_pools': [{'start': '203.0.113.10', 'end': '203.0.113.250'}]})


def seed_volume_type(token, cinder, out):
    _, _, rb = request('GET', f'{cinder}/types?is_public=None', token=token, expect=(200,))
    found = [t for t in jbody(rb)['volume_types'] if t['name'] == VOLUME_TYPE]
    if found:
        vt = found[0]
    else:
        _, _, rb = request('POST', f'{cinder}/types', {'volume_type': {
            'name': VOLUME_TYPE, 'os-volume-type-access:is_public': True,
            'extra_specs': {'volume_backend_name': 'fake'}}}, token=token, expect=(200,))
        vt = jbody(rb)['volume_type']
    out['volume_type'] = vt['id']


def seed(profiles):
    token, body = admin()
    out = load_seed()
    if 'compute' in profiles:
        seed_flavors(token, endpoint(body, 'compute'), out)
    if 'image' in profiles:
        seed_image(token, endpoint(body, 'image'), out)
    if 'network' in profiles:
        seed_networks(token, endpoint(body, 'network'), out)
    if 'block-storage' in profiles:
        seed_volume_type(token, endpoint(body, 'volumev3'), out)
    cloud.write_private(SEED_PATH, json.dumps(out, indent=2) + '\n')
    print(f'seeded: {", ".join(sorted(out))}')


# profile -> (catalog type, path answered 200 for a member user)
PROBES = {
    'placement': ('placement', '/'),
    'image': ('image', '/v2/images?limit=1'),
    'network': ('network', '/v2.0/networks?limit=1'),
    'compute': ('compute', '/flavors'),
    'block-storage': ('volumev3', '/types'),
    'dns': ('dns', '/v2/zones'),
    'load-balancer': ('load-balancer', '/v2/lbaas/loadbalancers'),
}


def verify(profiles):
    s = cloud.read_secrets()
    token, body = password_token(cloud.DEMO, s['DEMO_PASSWORD'], 'demo')
    done = []
    for profile in profiles:
        if profile not in PROBES:
            continue
        stype, path = PROBES[profile]
        request('GET', endpoint(body, stype) + path, token=token, expect=(200,))
        done.append(stype)
    print(f'verified with a demo token through the catalog: {", ".join(done)}')


def wait_for(what, fetch, done, timeout=120):
    deadline = time.time() + timeout
    while True:
        value = fetch()
        if done(value):
            return value
        if time.time() > deadline:
            raise Fail(f'{what}: still {value} after {timeout} s')
        time.sleep(1)


def smoke_dns(token, body, tag):
    dns = endpoint(body, 'dns')
    _, _, rb = request('POST', f'{dns}/v2/zones', {'name': f'{tag}.cloud-it.test.', 'email': 'ops@cloud-it.test',
                                                   'ttl': 300}, token=token, expect=(202,))
    zone = jbody(rb)['id']
    try:
        def status():
            return jbody(request('GET', f'{dns}/v2/zones/{zone}', token=token, expect=(200,))[2])['status']
        wait_for(f'zone {zone} ACTIVE', status, lambda st: st == 'ACTIVE' or st == 'ERROR')
        if status() != 'ACTIVE':
            raise Broken(f'zone {zone} went to ERROR')
        request('POST', f'{dns}/v2/zones/{zone}/recordsets', {'name': f'www.{tag}.cloud-it.test.', 'type': 'A',
                                                             'records': ['192.0.2.10']}, token=token, expect=(202,))
    finally:
        request('DELETE', f'{dns}/v2/zones/{zone}', token=token, expect=(202, 404))
    return 'zone + recordset ACTIVE'


def smoke_lb(token, body, tag):
    lb = endpoint(body, 'load-balancer')
    # Any UUID serves as the VIP subnet with the noop network driver.
    _, _, rb = request('POST', f'{lb}/v2/lbaas/loadbalancers', {'loadbalancer': {
        'name': tag, 'vip_subnet_id': '00000000-0000-4000-8000-000000000001'}}, token=token, expect=(201,))
    lb_id = jbody(rb)['loadbalancer']['id']
    try:
        def status():
            return jbody(request('GET', f'{lb}/v2/lbaas/loadbalancers/{lb_id}', token=token,
                                 expect=(200,))[2])['loadbalancer']['provisioning_status']
        st = wait_for(f'load balancer {lb_id}', status, lambda st: st in ('ACTIVE', 'ERROR'))
        if st != 'ACTIVE':
            raise Broken(f'load balancer {lb_id} went to {st}')
    finally:
        request('DELETE', f'{lb}/v2/lbaas/loadbalancers/{lb_id}?cascade=true', token=token, expect=(204, 404))
    return 'load balancer ACTIVE'


def smoke_network(token, body, tag):
    net = endpoint(body, 'network')
    ids = load_seed()
    _, _, rb = request('POST', f'{net}/v2.0/routers', {'router': {
        'name': tag, 'external_gateway_info': {'network_id': ids['external_network']}}}, token=token, expect=(201,))
    router = jbody(rb)['router']['id']
    fip = None
    try:
        _, _, rb = request('POST', f'{net}/v2.0/floatingips', {'floatingip': {
            'floating_network_id': ids['external_network']}}, token=token, expect=(201,))
        fip = jbody(rb)['floatingip']
        if not fip['floating_ip_address'].startswith('203.0.113.'):
            raise Broken(f'floating IP {fip["floating_ip_address"]} is not from the external subnet')
    finally:
        if fip:
            request('DELETE', f'{net}/v2.0/floatingips/{fip["id"]}', token=token, expect=(204, 404))
        request('DELETE', f'{net}/v2.0/routers/{router}', token=token, expect=(204, 404))
    return 'router with external gateway, floating IP'


def smoke_volume(token, body, tag):
    cinder = endpoint(body, 'volumev3').replace('%(project_id)s', body['project']['id'])
    _, _, rb = request('POST', f'{cinder}/volumes', {'volume': {'name': tag, 'size': 1, 'volume_type': VOLUME_TYPE}},
                       token=token, expect=(202,))
    vol = jbody(rb)['volume']['id']
    try:
        def status():
            return jbody(request('GET', f'{cinder}/volumes/{vol}', token=token, expect=(200,))[2])['volume']['status']
        st = wait_for(f'volume {vol}', status, lambda st: st == 'available' or st.startswith('error'))
        if st != 'available':
            raise Broken(f'volume {vol} went to {st}')
    finally:
        request('DELETE', f'{cinder}/volumes/{vol}', token=token, expect=(202, 404))
    return 'volume available'


def smoke_image(token, body, tag):
    glance = endpoint(body, 'image')
    _, _, rb = request('POST', f'{glance}/v2/images', {'name': tag, 'disk_format': 'raw', 'container_format': 'bare'},
                       token=token, expect=(201,))
    image = jbody(rb)['id']
    try:
        data = os.urandom(4096)
        request('PUT', f'{glance}/v2/images/{image}/file', data, token=token,
                headers={'Content-Type': 'application/octet-stream'}, expect=(204,))
        _, _, got = request('GET', f'{glance}/v2/images/{image}/file', token=token, expect=(200,))
        if got != data:
            raise Broken('image data read back differs')
    finally:
        request('DELETE', f'{glance}/v2/images/{image}', token=token, expect=(204, 404))
    return 'upload + download'


SMOKES = {'image': smoke_image, 'network': smoke_network, 'block-storage': smoke_volume, 'dns': smoke_dns,
          'load-balancer': smoke_lb}


def smoke(profiles):
    """One real operation per service as the demo user; prints one line per profile, exit 1 if any failed."""
    s = cloud.read_secrets()
    token, body = password_token(cloud.DEMO, s['DEMO_PASSWORD'], 'demo')
    failed = 0
    for profile in profiles:
        if profile not in SMOKES:
            continue
        tag = f'check-{profile}-{int(time.time())}-{os.getpid()}'
        try:
            print(f'ok    {profile}: {SMOKES[profile](token, body, tag)}')
        except (Fail, Broken) as e:
            failed += 1
            print(f'FAIL  {profile}: {e}')
    sys.exit(1 if failed else 0)


def env():
    with open(os.path.join(cloud.STATE, 'services.list')) as f:
        running = [line.strip() for line in f if line.strip()]
    ids = load_seed()
    values = {'CLOUD_IT_SERVICES': ','.join(running)}
    names = {
        'CLOUD_IT_FLAVOR_ID': 'cloud-it.tiny', 'CLOUD_IT_RESIZE_FLAVOR_ID': 'cloud-it.small',
        'CLOUD_IT_IMPOSSIBLE_FLAVOR_ID': 'cloud-it.impossible', 'CLOUD_IT_IMAGE_ID': 'image',
        'CLOUD_IT_NETWORK_ID': 'network', 'CLOUD_IT_SUBNET_ID': 'subnet',
        'CLOUD_IT_EXTERNAL_NETWORK_ID': 'external_network', 'CLOUD_IT_EXTERNAL_SUBNET_ID': 'external_subnet',
        'CLOUD_IT_VOLUME_TYPE_ID': 'volume_type',
    }
    for var, key in names.items():
        if key in ids:
            values[var] = ids[key]
    if 'block-storage' in running:
        values['CLOUD_IT_VOLUME_TYPE'] = VOLUME_TYPE
    sh = ['# Local OpenStack services beyond Swift (tooling/openstack/up.sh): source after env.sh.']
    sh += [f'export {k}={shlex.quote(v)}' for k, v in values.items()]
    cloud.write_private(os.path.join(cloud.STATE, 'services.env'), '\n'.join(sh) + '\n')
    cloud.write_private(os.path.join(cloud.STATE, 'services.json'), json.dumps(values, indent=2) + '\n')


def main():
    cmds = {'keystone': keystone, 'seed': seed, 'verify': verify, 'smoke': smoke}
    if len(sys.argv) >= 2 and sys.argv[1] == 'env':
        env()
        return
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        sys.exit(f'usage: {sys.argv[0]} {"|".join(cmds)} PROFILE... | env')
    try:
        cmds[sys.argv[1]](sys.argv[2:])
    except Fail as e:
        print(f'error: {e}', file=sys.stderr)
        sys.exit(1)
    except Broken as e:
        print(f'error: {e}', file=sys.stderr)
        sys.exit(2)


if __name__ == '__main__':
    main()
