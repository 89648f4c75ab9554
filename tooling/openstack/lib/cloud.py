"""Keystone resources, a readiness round trip and the env files of the local cloud.

Run with Debian's /usr/bin/python3; standard library only. Subcommands:
  setup   create (or find) the projects, users, roles, regions, services, endpoints, the
          application credential and the EC2 credential through Keystone's REST API
  verify  password token -> catalog -> PUT/GET through both Swift proxies, /info, tempauth
  env     write env.sh and env.json
Everything is read from the state directory (CLOUD_OPENSTACK_DIR).
"""

import json
import os
import shlex
import sys
import time
import urllib.error
import urllib.request

STATE = os.environ.get('CLOUD_OPENSTACK_DIR', '/var/tmp/cloud-openstack').rstrip('/')
HOST = '127.0.0.1'
KEYSTONE = f'http://{HOST}:5000'
AUTH_URL = f'{KEYSTONE}/v3'
PROXIES = {'RegionOne': f'http://{HOST}:8080', 'RegionTwo': f'http://{HOST}:8081'}
DEMO = 'demo'
APP_CRED_NAME = 'cloud-it'
TEMPAUTH_USER = 'test:tester'
# Middleware that registers itself in /info (dlo and keystoneauth do not).
INFO_FEATURES = ('tempurl', 'formpost', 'slo', 'bulk_delete', 'bulk_upload', 'account_quotas', 'container_quotas',
                 's3api', 'tempauth', 'symlink', 'versioned_writes', 'object_versioning', 'ratelimit')

# Never route loopback calls through an HTTP proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Fail(Exception):
    """A failure that waiting may cure (a service still starting)."""


class Broken(Exception):
    """A failure that waiting will not cure (wrong catalog, missing middleware)."""


def request(method, url, body=None, token=None, headers=None, expect=None, timeout=30):
    h = {'Accept': 'application/json'}
    data = None
    if isinstance(body, (bytes, bytearray)):
        data = bytes(body)
    elif body is not None:
        data = json.dumps(body).encode()
        h['Content-Type'] = 'application/json'
    if token:
        h['X-Auth-Token'] = token
    h.update(headers or {})
    req = urllib.request.Request(url, data=data, headers=h, method=method)
    try:
        with OPENER.open(req, timeout=timeout) as resp:
            status, rh, rb = resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        status, rh, rb = e.code, e.headers, e.read()
    except (urllib.error.URLError, OSError) as e:
        raise Fail(f'{method} {url}: {e}') from None
    if expect is not None and status not in expect:
        raise Fail(f'{method} {url} answered {status}: {rb[:400].decode("utf-8", "replace")}')
    return status, rh, rb


def jbody(rb):
    return json.loads(rb) if rb else {}


def read_secrets():
    out = {}
    with open(os.path.join(STATE, 'secrets.env')) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#') and '=' in line:
                k, v = line.split('=', 1)
                out[k] = v
    return out


def write_private(path, text):
    tmp = f'{path}.tmp.{os.getpid()}'
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, 'w') as f:
        f.write(text)
    os.replace(tmp, path)


def password_token(user, password, project, domain='default'):
    body = {'auth': {
        'identity': {'methods': ['password'],
                     'password': {'user': {'name': user, 'domain': {'id': domain}, 'password': password}}},
        'scope': {'project': {'name': project, 'domain': {'id': domain}}},
    }}
    _, h, rb = request('POST', f'{AUTH_URL}/auth/tokens', body, expect=(201,))
    return h['X-Subject-Token'], jbody(rb)['token']


def password_ok(user, password, domain='default'):
    body = {'auth': {'identity': {'methods': ['password'], 'password': {
        'user': {'name': user, 'domain': {'id': domain}, 'password': password}}}}}
    status, _, _ = request('POST', f'{AUTH_URL}/auth/tokens', body, expect=(201, 401))
    return status == 201


class Keystone:
    def __init__(self, token):
        self.token = token

    def call(self, method, path, body=None, expect=(200, 201, 204)):
        _, _, rb = request(method, f'{AUTH_URL}{path}', body, token=self.token, expect=expect)
        return jbody(rb)

    def find(self, collection, key=None, **query):
        qs = '&'.join(f'{k}={urllib.request.quote(str(v))}' for k, v in query.items())
        return self.call('GET', f'/{collection}?{qs}')[key or collection]

    def ensure(self, collection, key, query, create):
        found = self.find(collection, **query)
        if found:
            return found[0]
        return self.call('POST', f'/{collection}', {key: create})[key]

    def grant(self, project_id, user_id, role_id):
        self.call('PUT', f'/projects/{project_id}/users/{user_id}/roles/{role_id}')

    def ensure_endpoints(self, service_id, region, urls):
        have = self.find('endpoints', service_id=service_id)
        for interface, url in urls.items():
            match = [e for e in have if e['interface'] == interface and e.get('region_id') == region]
            if match:
                if match[0]['url'] != url:
                    self.call('PATCH', f'/endpoints/{match[0]["id"]}', {'endpoint': {'url': url}})
                continue
            self.call('POST', '/endpoints', {'endpoint': {
                'service_id': service_id, 'interface': interface, 'region_id': region, 'url': url,
                'enabled': True}})


def setup():
    s = read_secrets()
    admin_token, _ = password_token('admin', s['ADMIN_PASSWORD'], 'admin')
    ks = Keystone(admin_token)

    roles = {}
    for name in ('admin', 'member', 'reader', 'service', 'ResellerAdmin'):
        roles[name] = ks.ensure('roles', 'role', {'name': name}, {'name': name})['id']

    projects = {}
    for name, desc in (('demo', 'Integration tests and benchmarks'), ('service', 'Service users')):
        projects[name] = ks.ensure('projects', 'project', {'name': name, 'domain_id': 'default'},
                                   {'name': name, 'domain_id': 'default', 'description': desc,
                                    'enabled': True})['id']

    users = {}
    for name, password, project in ((DEMO, s['DEMO_PASSWORD'], 'demo'),
                                    ('swift', s['SWIFT_SERVICE_PASSWORD'], 'service')):
        user = ks.ensure('users', 'user', {'name': name, 'domain_id': 'default'},
                         {'name': name, 'domain_id': 'default', 'password': password,
                          'default_project_id': projects[project], 'enabled': True})
        # Keep the password in step with secrets.env if the user already existed with another one
        # (changing a password revokes the user's tokens, so only when needed).
        if not password_ok(name, password):
            ks.call('PATCH', f'/users/{user["id"]}', {'user': {'password': password, 'enabled': True}})
        users[name] = user['id']

    for role in ('member', 'reader'):
        ks.grant(projects['demo'], users[DEMO], roles[role])
    for role in ('admin', 'service'):
        ks.grant(projects['service'], users['swift'], roles[role])

    for region in ('RegionOne', 'RegionTwo'):
        status, _, _ = request('GET', f'{AUTH_URL}/regions/{region}', token=admin_token, expect=(200, 404))
        if status == 404:
            ks.call('POST', '/regions', {'region': {'id': region, 'description': f'Local {region}'}})

    identity = ks.find('services', type='identity')
    if not identity:
        raise Fail('no identity service in the catalog: was keystone-manage bootstrap run?')
    swift = ks.ensure('services', 'service', {'type': 'object-store'},
                      {'type': 'object-store', 'name': 'swift', 'description': 'OpenStack Object Storage',
                       'enabled': True})
    for region, base in PROXIES.items():
        ks.ensure_endpoints(swift['id'], region, {
            'public': f'{base}/v1/AUTH_%(project_id)s',
            'internal': f'{base}/v1/AUTH_%(project_id)s',
            'admin': f'{base}/v1',
        })
        # Identity is one service, listed in both regions so that a client pinned to either finds it.
        ks.ensure_endpoints(identity[0]['id'], region,
                            {i: f'{KEYSTONE}/v3/' for i in ('public', 'internal', 'admin')})

    cloud_path = os.path.join(STATE, 'cloud.json')
    old = {}
    if os.path.exists(cloud_path):
        with open(cloud_path) as f:
            old = json.load(f)

    # Application credential: created with the user's own token; its secret is shown only once.
    demo_token, _ = password_token(DEMO, s['DEMO_PASSWORD'], 'demo')
    demo = Keystone(demo_token)
    existing = demo.find(f'users/{users[DEMO]}/application_credentials', 'application_credentials',
                         name=APP_CRED_NAME)
    app_cred = old.get('app_cred') or {}
    if existing and existing[0]['id'] == app_cred.get('id') and app_cred.get('secret'):
        pass
    else:
        for e in existing:
            demo.call('DELETE', f'/users/{users[DEMO]}/application_credentials/{e["id"]}')
        created = demo.call('POST', f'/users/{users[DEMO]}/application_credentials', {
            'application_credential': {'name': APP_CRED_NAME,
                                       'description': 'Integration tests of the local cloud'}})
        ac = created['application_credential']
        app_cred = {'id': ac['id'], 'secret': ac['secret'], 'name': APP_CRED_NAME}

    # EC2-style credential for the S3 API (s3api + s3token), with the access/secret from secrets.env.
    access, secret = s['S3_ACCESS_KEY'], s['S3_SECRET_KEY']
    have = [c for c in ks.find('credentials', user_id=users[DEMO], type='ec2')
            if json.loads(c['blob']).get('access') == access]
    if have and (json.loads(have[0]['blob']).get('secret') != secret
                 or have[0].get('project_id') != projects['demo']):
        ks.call('DELETE', f'/credentials/{have[0]["id"]}')
        have = []
    if not have:
        ks.call('POST', '/credentials', {'credential': {
            'type': 'ec2', 'user_id': users[DEMO], 'project_id': projects['demo'],
            'blob': json.dumps({'access': access, 'secret': secret})}})

    cloud = {'project_id': projects['demo'], 'user_id': users[DEMO], 'service_project_id': projects['service'],
             'app_cred': app_cred, 'roles': sorted(roles)}
    write_private(cloud_path, json.dumps(cloud, indent=2) + '\n')
    print(f'keystone: project demo {projects["demo"]}, user demo {users[DEMO]}, '
          f'application credential {app_cred["id"]}, regions RegionOne RegionTwo')


def verify():
    """An authenticated round trip through both regions' proxies, and the features /info must show."""
    s = read_secrets()
    with open(os.path.join(STATE, 'cloud.json')) as f:
        cloud = json.load(f)
    token, body = password_token(DEMO, s['DEMO_PASSWORD'], 'demo')
    urls = {}
    for svc in body.get('catalog', []):
        if svc['type'] == 'object-store':
            for ep in svc['endpoints']:
                if ep['interface'] == 'public':
                    urls[ep['region_id']] = ep['url']
    for region, base in PROXIES.items():
        want = f'{base}/v1/AUTH_{cloud["project_id"]}'
        if urls.get(region) != want:
            raise Broken(f'catalog: object-store public endpoint of {region} is {urls.get(region)}, want {want}')

    container = 'cloud-openstack-readiness'
    payload = f'ready {time.time()}'.encode()
    r1, r2 = urls['RegionOne'], urls['RegionTwo']
    request('PUT', f'{r1}/{container}', b'', token=token, expect=(201, 202))
    request('PUT', f'{r1}/{container}/probe', payload, token=token, expect=(201,),
            headers={'Content-Type': 'text/plain'})
    _, _, got = request('GET', f'{r2}/{container}/probe', token=token, expect=(200,))
    if got != payload:
        raise Fail('object written through RegionOne read back different through RegionTwo')
    request('HEAD', f'{r2}', token=token, expect=(204,))
    # Leave the account as it was: integration tests may count its containers.
    request('DELETE', f'{r2}/{container}/probe', token=token, expect=(204, 404))
    request('DELETE', f'{r1}/{container}', token=token, expect=(204, 404, 409))
    request('GET', f'{r1}', token='not-a-valid-token', expect=(401,))

    for region, base in PROXIES.items():
        _, _, rb = request('GET', f'{base}/info', expect=(200,))
        info = jbody(rb)
        missing = [f for f in INFO_FEATURES if f not in info]
        if missing:
            raise Broken(f'{base}/info lacks {", ".join(missing)}')

    _, h, _ = request('GET', f'{PROXIES["RegionOne"]}/auth/v1.0', expect=(200,),
                      headers={'X-Auth-User': TEMPAUTH_USER, 'X-Auth-Key': s['TEMPAUTH_KEY']})
    request('HEAD', h['X-Storage-Url'], token=h['X-Auth-Token'], expect=(200, 204))
    print(f'verified: token, catalog, PUT/GET across {", ".join(PROXIES)}, /info, tempauth')


def env():
    s = read_secrets()
    with open(os.path.join(STATE, 'cloud.json')) as f:
        cloud = json.load(f)
    pid = cloud['project_id']
    r1, r2 = PROXIES['RegionOne'], PROXIES['RegionTwo']
    values = {
        'OS_AUTH_URL': AUTH_URL,
        'OS_IDENTITY_API_VERSION': '3',
        'OS_USERNAME': DEMO,
        'OS_PASSWORD': s['DEMO_PASSWORD'],
        'OS_PROJECT_NAME': 'demo',
        'OS_USER_DOMAIN_NAME': 'Default',
        'OS_PROJECT_DOMAIN_NAME': 'Default',
        'OS_REGION_NAME': 'RegionOne',
        'OS_INTERFACE': 'public',
        'CLOUD_OPENSTACK_DIR': STATE,
        'CLOUD_IT_PROJECT_ID': pid,
        'CLOUD_IT_USER_ID': cloud['user_id'],
        'CLOUD_IT_REGIONS': 'RegionOne,RegionTwo',
        'CLOUD_IT_APP_CRED_ID': cloud['app_cred']['id'],
        'CLOUD_IT_APP_CRED_SECRET': cloud['app_cred']['secret'],
        'CLOUD_IT_APP_CRED_NAME': cloud['app_cred']['name'],
        'CLOUD_IT_ADMIN_USERNAME': 'admin',
        'CLOUD_IT_ADMIN_PASSWORD': s['ADMIN_PASSWORD'],
        'CLOUD_IT_ADMIN_PROJECT_NAME': 'admin',
        'CLOUD_IT_SWIFT_PROXY_REGIONONE': r1,
        'CLOUD_IT_SWIFT_PROXY_REGIONTWO': r2,
        'CLOUD_IT_SWIFT_URL_REGIONONE': f'{r1}/v1/AUTH_{pid}',
        'CLOUD_IT_SWIFT_URL_REGIONTWO': f'{r2}/v1/AUTH_{pid}',
        'CLOUD_IT_TEMPAUTH_AUTH_URL': f'{r1}/auth/v1.0',
        'CLOUD_IT_TEMPAUTH_USER': TEMPAUTH_USER,
        'CLOUD_IT_TEMPAUTH_KEY': s['TEMPAUTH_KEY'],
        'CLOUD_IT_TEMPAUTH_STORAGE_URL': f'{r1}/v1/TEMPAUTH_test',
        'CLOUD_IT_S3_ENDPOINT': r1,
        'CLOUD_IT_S3_REGION': 'us-east-1',
        'CLOUD_IT_S3_ACCESS_KEY': s['S3_ACCESS_KEY'],
        'CLOUD_IT_S3_SECRET_KEY': s['S3_SECRET_KEY'],
    }
    sh = ['# Local OpenStack cloud (tooling/openstack/up.sh): source this file.']
    sh += [f'export {k}={shlex.quote(v)}' for k, v in values.items()]
    write_private(os.path.join(STATE, 'env.sh'), '\n'.join(sh) + '\n')
    write_private(os.path.join(STATE, 'env.json'), json.dumps(values, indent=2) + '\n')


def main():
    cmds = {'setup': setup, 'verify': verify, 'env': env}
    if len(sys.argv) != 2 or sys.argv[1] not in cmds:
        sys.exit(f'usage: {sys.argv[0]} {"|".join(cmds)}')
    try:
        cmds[sys.argv[1]]()
    except Fail as e:
        print(f'error: {e}', file=sys.stderr)
        sys.exit(1)
    except Broken as e:
        print(f'error: {e}', file=sys.stderr)
        sys.exit(2)


if __name__ == '__main__':
    main()
