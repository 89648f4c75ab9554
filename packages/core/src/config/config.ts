import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  fromApplicationCredential,
  fromPassword,
  fromRackspaceApiKey,
  fromToken,
} from '../auth/providers.js';
import type { CredentialProvider } from '../auth/types.js';
import { CredentialsUnavailableError, ValidationError } from '../errors/errors.js';
import { REDACTED } from '../http/redact.js';
import { mergeTls, parseBooleanSetting, type TlsOptions, tlsFromEnv } from '../http/tls.js';

/**
 * Auth settings in the vocabulary of `clouds.yaml` and the `OS_*` variables, camelCased.
 * `authType` is one of `password`, `v3password`, `v2password`, `token`, `v3token`,
 * `v3applicationcredential`, `rackspace_apikey` (inferred when omitted).
 */
export interface AuthConfig {
  authType?: string | undefined;
  authUrl?: string | undefined;
  username?: string | undefined;
  userId?: string | undefined;
  password?: string | undefined;
  apiKey?: string | undefined;
  token?: string | undefined;
  projectName?: string | undefined;
  projectId?: string | undefined;
  tenantName?: string | undefined;
  tenantId?: string | undefined;
  userDomainName?: string | undefined;
  userDomainId?: string | undefined;
  projectDomainName?: string | undefined;
  projectDomainId?: string | undefined;
  domainName?: string | undefined;
  domainId?: string | undefined;
  applicationCredentialId?: string | undefined;
  applicationCredentialName?: string | undefined;
  applicationCredentialSecret?: string | undefined;
  identityApiVersion?: string | undefined;
}

/** A resolved cloud configuration: auth plus where to send requests. */
export interface CloudConfig {
  auth: AuthConfig;
  region?: string | undefined;
  interface?: string | undefined;
  /** Endpoint overrides by service type (`clouds.yaml` `<type>_endpoint_override`). */
  endpointOverrides?: Record<string, string> | undefined;
  /**
   * TLS settings: clouds.yaml `verify`/`insecure`, `cacert`, `cert`, `key` win over `OS_INSECURE`,
   * `OS_CACERT`, `OS_CERT`, `OS_KEY`; explicit overrides win over both.
   */
  tls?: TlsOptions | undefined;
  /** Which sources contributed, e.g. `["clouds.yaml:/etc/openstack/clouds.yaml#mycloud", "env"]`. */
  sources: string[];
}

/** Options of {@link loadCloudConfig}. */
export interface LoadCloudConfigOptions {
  /** Named cloud in `clouds.yaml`; defaults to `OS_CLOUD`. */
  cloud?: string | undefined;
  /** Environment to read; defaults to `process.env`. */
  env?: Record<string, string | undefined> | undefined;
  /** Explicit `clouds.yaml` path(s); default search: `OS_CLIENT_CONFIG_FILE`, `./clouds.yaml`, `~/.config/openstack/clouds.yaml`, `/etc/openstack/clouds.yaml`. */
  files?: string[] | undefined;
  /** Explicit values; they win over the environment and over `clouds.yaml`. */
  overrides?: (Partial<Omit<CloudConfig, 'sources' | 'auth'>> & { auth?: AuthConfig }) | undefined;
}

const ENV_AUTH: Record<string, keyof AuthConfig> = {
  OS_AUTH_TYPE: 'authType',
  OS_AUTH_URL: 'authUrl',
  OS_USERNAME: 'username',
  OS_USER_ID: 'userId',
  OS_PASSWORD: 'password',
  OS_API_KEY: 'apiKey',
  OS_TOKEN: 'token',
  OS_AUTH_TOKEN: 'token',
  OS_PROJECT_NAME: 'projectName',
  OS_PROJECT_ID: 'projectId',
  OS_TENANT_NAME: 'tenantName',
  OS_TENANT_ID: 'tenantId',
  OS_USER_DOMAIN_NAME: 'userDomainName',
  OS_USER_DOMAIN_ID: 'userDomainId',
  OS_PROJECT_DOMAIN_NAME: 'projectDomainName',
  OS_PROJECT_DOMAIN_ID: 'projectDomainId',
  OS_DOMAIN_NAME: 'domainName',
  OS_DOMAIN_ID: 'domainId',
  OS_APPLICATION_CREDENTIAL_ID: 'applicationCredentialId',
  OS_APPLICATION_CREDENTIAL_NAME: 'applicationCredentialName',
  OS_APPLICATION_CREDENTIAL_SECRET: 'applicationCredentialSecret',
  OS_IDENTITY_API_VERSION: 'identityApiVersion',
};

/** Reads the `OS_*` variables the openstack CLI reads. Returns undefined when none is set. */
export function configFromEnv(
  env: Record<string, string | undefined> = process.env,
): Omit<CloudConfig, 'sources'> | undefined {
  const auth: AuthConfig = {};
  let any = false;
  for (const [name, key] of Object.entries(ENV_AUTH)) {
    const v = env[name];
    if (v !== undefined && v !== '') {
      if (auth[key] === undefined) auth[key] = v;
      any = true;
    }
  }
  const region = env.OS_REGION_NAME || undefined;
  const iface = env.OS_INTERFACE || env.OS_ENDPOINT_TYPE || undefined;
  const tls = tlsFromEnv(env);
  if (!any && !region && !iface && !tls) return undefined;
  return { auth, region, interface: iface, ...(tls ? { tls } : {}) };
}

const camel = (s: string) => s.replace(/[-_]([a-z])/g, (_, c: string) => c.toUpperCase());

type YamlCloud = Record<string, unknown> & { auth?: Record<string, unknown>; regions?: unknown };

function toCloudConfig(raw: YamlCloud): Omit<CloudConfig, 'sources'> {
  const auth: AuthConfig = {};
  for (const [k, v] of Object.entries(raw.auth ?? {})) {
    if (v !== undefined && v !== null) (auth as Record<string, string>)[camel(k)] = String(v);
  }
  if (raw.auth_type) auth.authType = String(raw.auth_type);
  if (raw.identity_api_version) auth.identityApiVersion = String(raw.identity_api_version);
  let region = raw.region_name ? String(raw.region_name) : undefined;
  if (!region && Array.isArray(raw.regions) && raw.regions.length > 0) {
    const first = raw.regions[0] as unknown;
    region = typeof first === 'string' ? first : String((first as { name?: unknown }).name ?? '');
  }
  const endpointOverrides: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const m = /^(.+)_endpoint_override$/.exec(k);
    if (m?.[1] && typeof v === 'string') endpointOverrides[m[1].replace(/_/g, '-')] = v;
  }
  return {
    auth,
    region,
    tls: yamlTls(raw),
    interface: raw.interface
      ? String(raw.interface)
      : raw.endpoint_type
        ? String(raw.endpoint_type)
        : undefined,
    endpointOverrides: Object.keys(endpointOverrides).length ? endpointOverrides : undefined,
  };
}

const optionalString = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

/** `verify` (or its inverse `insecure`), `cacert`, `cert` and `key` of a cloud entry. */
function yamlTls(raw: YamlCloud): TlsOptions | undefined {
  if (typeof raw.verify === 'string' && !/^(true|false|yes|no|on|off|1|0)$/i.test(raw.verify.trim())) {
    throw new ValidationError(
      `clouds.yaml verify must be true or false (put a CA file in cacert), got ${JSON.stringify(raw.verify)}`,
      'verify',
    );
  }
  const verify = parseBooleanSetting(raw.verify, 'verify');
  const insecure = parseBooleanSetting(raw.insecure, 'insecure');
  return mergeTls({
    verify: verify ?? (insecure === undefined ? undefined : !insecure),
    cacert: optionalString(raw.cacert),
    cert: optionalString(raw.cert),
    key: optionalString(raw.key),
  });
}

/** The `clouds.yaml` search path, in order. */
export function cloudsYamlSearchPath(env: Record<string, string | undefined> = process.env): string[] {
  const xdg = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return [
    ...(env.OS_CLIENT_CONFIG_FILE ? [env.OS_CLIENT_CONFIG_FILE] : []),
    join(process.cwd(), 'clouds.yaml'),
    join(xdg, 'openstack', 'clouds.yaml'),
    '/etc/openstack/clouds.yaml',
  ];
}

/**
 * Loads the `yaml` package only when a clouds.yaml file is actually read. The specifier is not a
 * literal, so bundlers leave it out of serverless bundles that pass credentials explicitly (about a
 * third of a bundle's size); such a bundle that does read clouds.yaml needs `yaml` kept external.
 */
async function loadYamlParser(): Promise<{ parse(text: string): unknown }> {
  const specifier = ['y', 'a', 'm', 'l'].join('');
  try {
    return (await import(specifier)) as { parse(text: string): unknown };
  } catch (e) {
    throw new ValidationError(
      `Reading clouds.yaml needs the "yaml" package, which could not be loaded (${(e as Error).message}). ` +
        'In a bundle, mark "yaml" as external or pass credentials explicitly.',
      'clouds.yaml',
    );
  }
}

async function readYaml(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ValidationError(`Cannot read ${path}: ${(e as Error).message}`, 'clouds.yaml');
  }
  const { parse } = await loadYamlParser();
  try {
    const doc = parse(text) as unknown;
    return doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  } catch (e) {
    throw new ValidationError(`${path} is not valid YAML: ${(e as Error).message}`, 'clouds.yaml');
  }
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      prev &&
      typeof prev === 'object' &&
      !Array.isArray(prev)
        ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

const defined = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

/**
 * Resolves configuration the way the openstack CLI does: a named cloud from `clouds.yaml`
 * (`secure.yaml` beside it is merged in), then `OS_*` variables, then explicit overrides; later
 * sources win field by field.
 * @throws ValidationError when the named cloud does not exist or a file is malformed.
 * @example
 * ```ts
 * const config = await loadCloudConfig({ cloud: 'mycloud' });
 * const session = createSession({ credentials: credentialsFromConfig(config), region: config.region });
 * ```
 */
export async function loadCloudConfig(options: LoadCloudConfigOptions = {}): Promise<CloudConfig> {
  const env = options.env ?? process.env;
  const cloudName = options.cloud ?? (env.OS_CLOUD || undefined);
  const sources: string[] = [];
  let merged: Omit<CloudConfig, 'sources'> = { auth: {} };
  if (cloudName) {
    const files = options.files ?? cloudsYamlSearchPath(env);
    let found: { path: string; cloud: YamlCloud } | undefined;
    for (const path of files) {
      const doc = await readYaml(path);
      const clouds = doc?.clouds as Record<string, YamlCloud> | undefined;
      if (!clouds) continue;
      if (clouds[cloudName]) {
        let cloud = clouds[cloudName];
        const secure = await readYaml(path.replace(/clouds\.yaml$/, 'secure.yaml')).catch(() => undefined);
        const secret = (secure?.clouds as Record<string, YamlCloud> | undefined)?.[cloudName];
        if (secret && path.endsWith('clouds.yaml')) cloud = deepMerge(cloud, secret) as YamlCloud;
        found = { path, cloud };
        break;
      }
    }
    if (!found) {
      throw new ValidationError(
        `Cloud "${cloudName}" was not found in clouds.yaml (looked in ${files.join(', ')})`,
        'cloud',
      );
    }
    merged = toCloudConfig(found.cloud);
    sources.push(`clouds.yaml:${found.path}#${cloudName}`);
  }
  const fromEnv = configFromEnv(env);
  if (fromEnv) {
    merged = {
      auth: { ...merged.auth, ...defined(fromEnv.auth) },
      region: fromEnv.region ?? merged.region,
      interface: fromEnv.interface ?? merged.interface,
      endpointOverrides: merged.endpointOverrides,
      // Unlike auth fields, a cloud's own TLS settings win over the shell-wide OS_CACERT & co.
      tls: mergeTls(fromEnv.tls, merged.tls),
    };
    sources.push('env');
  }
  const o = options.overrides;
  if (o) {
    merged = {
      auth: { ...merged.auth, ...defined(o.auth) },
      region: o.region ?? merged.region,
      interface: o.interface ?? merged.interface,
      endpointOverrides: { ...merged.endpointOverrides, ...o.endpointOverrides },
      tls: mergeTls(merged.tls, o.tls),
    };
    sources.push('options');
  }
  const config = { ...merged, sources };
  Object.defineProperty(config, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => ({ ...config, auth: redactAuth(config.auth) }),
    enumerable: false,
  });
  return config;
}

const SECRET_FIELDS = new Set<keyof AuthConfig>([
  'password',
  'apiKey',
  'token',
  'applicationCredentialSecret',
]);

/** A copy of an auth config with its secrets replaced, for display. */
export function redactAuth(auth: AuthConfig): AuthConfig {
  const out: AuthConfig = { ...auth };
  for (const k of SECRET_FIELDS) if (out[k] !== undefined) (out as Record<string, string>)[k] = REDACTED;
  return out;
}

/**
 * Builds the credentials provider a configuration describes.
 * @throws CredentialsUnavailableError when the config has no auth URL or secret at all;
 *   ValidationError when it is incomplete or its `authType` is unknown.
 * @example
 * ```ts
 * const credentials = credentialsFromConfig(await loadCloudConfig());
 * ```
 */
export function credentialsFromConfig(config: Pick<CloudConfig, 'auth'>): CredentialProvider {
  const a = config.auth;
  const type = (a.authType ?? '').toLowerCase().replace(/[-_]/g, '');
  const hasSecret = a.password || a.apiKey || a.token || a.applicationCredentialSecret;
  if (!a.authUrl && !hasSecret && !type) {
    throw new CredentialsUnavailableError(
      'No credentials configured (no OS_AUTH_URL, OS_CLOUD or explicit options)',
    );
  }
  const rackspace = type === 'rackspaceapikey' || type === 'raxkskey' || (!type && a.apiKey && !a.password);
  if (rackspace) {
    return fromRackspaceApiKey({
      username: a.username ?? '',
      apiKey: a.apiKey ?? '',
      authUrl: a.authUrl,
      tenantId: a.tenantId ?? a.projectId,
    });
  }
  const appCred =
    type === 'v3applicationcredential' ||
    type === 'applicationcredential' ||
    (!type && a.applicationCredentialSecret && !a.password);
  if (appCred) {
    return fromApplicationCredential({
      authUrl: a.authUrl ?? '',
      id: a.applicationCredentialId,
      name: a.applicationCredentialName,
      secret: a.applicationCredentialSecret ?? '',
      username: a.username,
      userId: a.userId,
      userDomainName: a.userDomainName,
      userDomainId: a.userDomainId,
    });
  }
  const token =
    type === 'token' || type === 'v3token' || type === 'v2token' || (!type && a.token && !a.password);
  if (token) {
    return fromToken({
      ...a,
      token: a.token ?? '',
      identityApiVersion: type === 'v2token' ? '2.0' : a.identityApiVersion,
    });
  }
  if (type && !['password', 'v3password', 'v2password'].includes(type)) {
    throw new ValidationError(
      `Unknown auth type "${a.authType}": use password, v3password, v2password, token, v3token, v3applicationcredential or rackspace_apikey`,
      'authType',
    );
  }
  if (!a.authUrl)
    throw new ValidationError('Password authentication: authUrl (OS_AUTH_URL) is required', 'authUrl');
  return fromPassword({
    ...a,
    authUrl: a.authUrl,
    password: a.password ?? '',
    identityApiVersion: type === 'v2password' ? '2.0' : type === 'v3password' ? '3' : a.identityApiVersion,
  });
}

/**
 * Credentials from `OS_*` environment variables, resolved when first used.
 * @throws CredentialsUnavailableError (at first use) when no `OS_*` variable is set.
 * @example
 * ```ts
 * const session = createSession({ credentials: fromEnv() }); // OS_AUTH_URL, OS_USERNAME, ...
 * ```
 */
export function fromEnv(env: Record<string, string | undefined> = process.env): CredentialProvider {
  const config = configFromEnv(env);
  if (!config?.auth.authUrl && !config?.auth.token) {
    return async () => {
      throw new CredentialsUnavailableError('No OS_AUTH_URL or OS_TOKEN in the environment');
    };
  }
  return credentialsFromConfig(config);
}

/**
 * Credentials from a named cloud in `clouds.yaml` (default: `OS_CLOUD`), loaded on first use.
 * @example
 * ```ts
 * const session = createSession({ credentials: fromCloudsYaml({ cloud: 'mycloud' }) });
 * ```
 */
export function fromCloudsYaml(options: { cloud?: string; files?: string[] } = {}): CredentialProvider {
  if (!options.cloud && !process.env.OS_CLOUD) {
    return async () => {
      throw new CredentialsUnavailableError('No cloud name given and OS_CLOUD is not set');
    };
  }
  let provider: Promise<CredentialProvider> | undefined;
  return async (ctx) => {
    provider ??= loadCloudConfig({
      cloud: options.cloud ?? process.env.OS_CLOUD,
      files: options.files ?? cloudsYamlSearchPath(),
      env: {},
    }).then(credentialsFromConfig);
    return (await provider)(ctx);
  };
}

/**
 * Tries providers in order, moving on when one throws {@link CredentialsUnavailableError}.
 * @example
 * ```ts
 * const credentials = chain(fromEnv(), fromCloudsYaml({ cloud: 'fallback' }));
 * ```
 */
export function chain(...providers: CredentialProvider[]): CredentialProvider {
  return async (ctx) => {
    const reasons: string[] = [];
    for (const p of providers) {
      try {
        return await p(ctx);
      } catch (e) {
        if (e instanceof CredentialsUnavailableError) reasons.push(e.message);
        else throw e;
      }
    }
    throw new CredentialsUnavailableError(`No credentials provider succeeded: ${reasons.join('; ')}`);
  };
}
