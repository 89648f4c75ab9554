import { ValidationError } from '../errors/errors.js';
import { identityVersionOf, keystoneV2, keystoneV3, versionedAuthUrl } from './keystone.js';
import { type AuthResult, type CredentialProvider, createAuthResult } from './types.js';

/** Where to scope a v3 token: a project (by id, or by name in a domain) or a whole domain. */
export interface ScopeOptions {
  projectId?: string | undefined;
  projectName?: string | undefined;
  projectDomainId?: string | undefined;
  projectDomainName?: string | undefined;
  /** Domain scope instead of project scope. */
  domainId?: string | undefined;
  domainName?: string | undefined;
  /** v2.0 names for the project. */
  tenantId?: string | undefined;
  tenantName?: string | undefined;
}

/** Options of {@link fromPassword}. */
export interface PasswordOptions extends ScopeOptions {
  /** Keystone URL, e.g. `https://keystone.example.com/v3` or `.../v2.0`. An unversioned URL means v3. */
  authUrl: string;
  username?: string | undefined;
  userId?: string | undefined;
  password: string;
  /** Domain of `username`. Defaults to `Default`. */
  userDomainName?: string | undefined;
  userDomainId?: string | undefined;
  /** Forces `3` or `2.0` regardless of the URL. */
  identityApiVersion?: string | number | undefined;
}

const required = (value: string | undefined, field: string, what: string): string => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(`${what}: ${field} is required`, field);
  }
  return value;
};

function v3Scope(
  o: ScopeOptions,
  userDomain: { id?: string | undefined; name?: string | undefined },
): Record<string, unknown> | undefined {
  const projectId = o.projectId ?? o.tenantId;
  const projectName = o.projectName ?? o.tenantName;
  if (projectId) return { project: { id: projectId } };
  if (projectName) {
    const domain = o.projectDomainId
      ? { id: o.projectDomainId }
      : o.projectDomainName
        ? { name: o.projectDomainName }
        : userDomain;
    return { project: { name: projectName, domain } };
  }
  if (o.domainId) return { domain: { id: o.domainId } };
  if (o.domainName) return { domain: { name: o.domainName } };
  return undefined;
}

function v2Tenant(o: ScopeOptions): Record<string, string> {
  const id = o.tenantId ?? o.projectId;
  const name = o.tenantName ?? o.projectName;
  return id ? { tenantId: id } : name ? { tenantName: name } : {};
}

/**
 * Password authentication: Keystone v3 (user + domain, project scope by name or id) or v2.0
 * (username + tenant), chosen from the auth URL or `identityApiVersion`.
 *
 * Checks its input at once and throws {@link ValidationError} naming the missing field.
 * @example
 * ```ts
 * const session = createSession({
 *   credentials: fromPassword({ authUrl: 'https://keystone.example.com/v3', username: 'demo',
 *     password: process.env.OS_PASSWORD!, projectName: 'demo', userDomainName: 'Default' }),
 *   region: 'RegionOne',
 * });
 * ```
 */
export function fromPassword(options: PasswordOptions): CredentialProvider {
  const what = 'Password authentication';
  required(options.authUrl, 'authUrl', what);
  if (!options.username && !options.userId)
    throw new ValidationError(`${what}: username or userId is required`, 'username');
  required(options.password, 'password', what);
  const version = identityVersionOf(options.authUrl, options.identityApiVersion);
  const url = versionedAuthUrl(options.authUrl, version);
  const who = `user ${options.username ?? options.userId}`;
  if (version === 'v2.0') {
    if (!options.username)
      throw new ValidationError(`${what}: Identity v2.0 needs username, not userId`, 'username');
    const auth = {
      passwordCredentials: { username: options.username, password: options.password },
      ...v2Tenant(options),
    };
    return (ctx) => keystoneV2(ctx, url, auth, who, [options.password]);
  }
  const domain = options.userDomainId
    ? { id: options.userDomainId }
    : { name: options.userDomainName ?? 'Default' };
  const user = options.userId
    ? { id: options.userId, password: options.password }
    : { name: options.username, domain, password: options.password };
  const scope = v3Scope(options, domain);
  const auth = { identity: { methods: ['password'], password: { user } }, ...(scope ? { scope } : {}) };
  return (ctx) => keystoneV3(ctx, url, auth, who, [options.password]);
}

/** Options of {@link fromToken}. */
export interface TokenOptions extends ScopeOptions {
  /** An existing token. */
  token: string;
  /**
   * Keystone URL. With it, the token is exchanged for a (re)scoped token that carries a catalog.
   * Without it, the token is used as is and every service needs an endpoint override.
   */
  authUrl?: string | undefined;
  identityApiVersion?: string | number | undefined;
  /** Expiry of a token used as is, when known. */
  expiresAt?: Date | undefined;
}

/**
 * Token authentication. With `authUrl`, Keystone's `token` method issues a scoped token and catalog;
 * without it, the token is used directly (pair it with `endpointOverrides`).
 * @example
 * ```ts
 * const session = createSession({ credentials: fromToken({ authUrl, token, projectName: 'demo' }) });
 * ```
 */
export function fromToken(options: TokenOptions): CredentialProvider {
  const what = 'Token authentication';
  required(options.token, 'token', what);
  if (!options.authUrl) {
    const fixed: AuthResult = createAuthResult({
      token: options.token,
      expiresAt: options.expiresAt,
      catalog: [],
    });
    return async () => fixed;
  }
  const version = identityVersionOf(options.authUrl, options.identityApiVersion);
  const url = versionedAuthUrl(options.authUrl, version);
  if (version === 'v2.0') {
    const auth = { token: { id: options.token }, ...v2Tenant(options) };
    return (ctx) => keystoneV2(ctx, url, auth, 'a token', [options.token]);
  }
  const scope = v3Scope(options, { name: 'Default' });
  const auth = {
    identity: { methods: ['token'], token: { id: options.token } },
    ...(scope ? { scope } : {}),
  };
  return (ctx) => keystoneV3(ctx, url, auth, 'a token', [options.token]);
}

/** Options of {@link fromApplicationCredential}. */
export interface ApplicationCredentialOptions {
  authUrl: string;
  /** The credential's id; or give `name` with the owning user. */
  id?: string | undefined;
  name?: string | undefined;
  secret: string;
  username?: string | undefined;
  userId?: string | undefined;
  userDomainName?: string | undefined;
  userDomainId?: string | undefined;
}

/**
 * Keystone v3 application credential authentication. The credential fixes the project, so no
 * scope is sent.
 * @example
 * ```ts
 * const session = createSession({ credentials: fromApplicationCredential({ authUrl, id, secret }) });
 * ```
 */
export function fromApplicationCredential(options: ApplicationCredentialOptions): CredentialProvider {
  const what = 'Application credential authentication';
  required(options.authUrl, 'authUrl', what);
  required(options.secret, 'secret', what);
  if (identityVersionOf(options.authUrl) !== 'v3') {
    throw new ValidationError(`${what} needs Identity v3; authUrl points at v2.0`, 'authUrl');
  }
  let credential: Record<string, unknown>;
  if (options.id) credential = { id: options.id, secret: options.secret };
  else if (options.name) {
    if (!options.username && !options.userId) {
      throw new ValidationError(`${what}: a credential given by name needs username or userId`, 'username');
    }
    const user = options.userId
      ? { id: options.userId }
      : {
          name: options.username,
          domain: options.userDomainId
            ? { id: options.userDomainId }
            : { name: options.userDomainName ?? 'Default' },
        };
    credential = { name: options.name, secret: options.secret, user };
  } else throw new ValidationError(`${what}: id or name is required`, 'id');
  const url = versionedAuthUrl(options.authUrl, 'v3');
  const auth = { identity: { methods: ['application_credential'], application_credential: credential } };
  return (ctx) =>
    keystoneV3(ctx, url, auth, `application credential ${options.id ?? options.name}`, [options.secret]);
}

/** Rackspace's global identity endpoint. */
export const RACKSPACE_AUTH_URL = 'https://identity.api.rackspacecloud.com/v2.0';

/** Regions of the Rackspace public cloud. */
export const RACKSPACE_REGIONS = ['DFW', 'ORD', 'IAD', 'LON', 'SYD', 'HKG'] as const;

/** Options of {@link fromRackspaceApiKey}. */
export interface RackspaceApiKeyOptions {
  username: string;
  apiKey: string;
  /** Defaults to {@link RACKSPACE_AUTH_URL}. */
  authUrl?: string | undefined;
  /** Scope to a tenant (account number) when the user has several. */
  tenantId?: string | undefined;
}

/**
 * Rackspace API key authentication (`RAX-KSKEY:apiKeyCredentials`) against Identity v2.0. The user's
 * default region becomes the session's region unless one is configured.
 * @example
 * ```ts
 * const session = createSession({ credentials: fromRackspaceApiKey({ username, apiKey }), region: 'IAD' });
 * ```
 */
export function fromRackspaceApiKey(options: RackspaceApiKeyOptions): CredentialProvider {
  const what = 'Rackspace API key authentication';
  required(options.username, 'username', what);
  required(options.apiKey, 'apiKey', what);
  const url = versionedAuthUrl(options.authUrl ?? RACKSPACE_AUTH_URL, 'v2.0');
  const auth = {
    'RAX-KSKEY:apiKeyCredentials': { username: options.username, apiKey: options.apiKey },
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
  };
  return (ctx) => keystoneV2(ctx, url, auth, `user ${options.username}`, [options.apiKey]);
}
