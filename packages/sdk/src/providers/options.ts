import type { HttpLogger, RetryOptions, Session, TimeoutOptions } from '@cloud/core';

export type { ProviderName } from '@cloud/providers';

/** Options every provider factory accepts besides credentials. */
export interface ProviderConnectionOptions {
  /**
   * Region of the service, e.g. `RegionOne` or Rackspace's `DFW`, `ORD`, `IAD`, `LON`, `SYD`, `HKG`.
   * Defaults to the user's default region (Rackspace) or the only region of the catalog.
   */
  region?: string | undefined;
  /** `public` (default) or `internal` (Rackspace ServiceNet, OpenStack internal endpoints). */
  interface?: 'public' | 'internal' | 'admin' | undefined;
  /**
   * An existing session to share its token and catalog between several clients. When given, the
   * credential fields are ignored.
   */
  session?: Session | undefined;
  /** Retry policy of the HTTP transport (default: 2 retries of idempotent requests). */
  retry?: RetryOptions | undefined;
  /** Timeouts of the HTTP transport. */
  timeout?: TimeoutOptions | undefined;
  /** Debug log of every request and response, with secrets redacted. */
  logger?: HttpLogger | undefined;
  /** User-Agent header of every request. */
  userAgent?: string | undefined;
}

/**
 * Credentials and options of a Rackspace client: a username with an API key (or a password).
 * @example
 * ```ts
 * const storage = providers.rackspace.storage({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'IAD' });
 * ```
 */
export interface RackspaceProviderOptions extends ProviderConnectionOptions {
  /** The Rackspace account's user name. Required unless `session` is given. */
  username?: string | undefined;
  /** The account's API key (preferred). */
  apiKey?: string | undefined;
  /** The account's password, when no API key is given. */
  password?: string | undefined;
  /** Identity endpoint. Default `https://identity.api.rackspacecloud.com/v2.0`. */
  authUrl?: string | undefined;
  /** Account number, when the user has several. */
  tenantId?: string | undefined;
}

/**
 * Credentials and options of an OpenStack client: Keystone URL, user and password, and optionally
 * the project to scope to.
 * @example
 * ```ts
 * const compute = providers.openstack.compute({
 *   authUrl: 'https://keystone.example.com/v3', username: 'demo', password: process.env.OS_PASSWORD!,
 *   projectName: 'demo', domainName: 'Default', region: 'RegionOne',
 * });
 * ```
 */
export interface OpenStackProviderOptions extends ProviderConnectionOptions {
  /** Keystone URL, e.g. `https://keystone.example.com/v3` (v2.0 URLs work too). Required. */
  authUrl?: string | undefined;
  /** User name. Required unless `session` is given. */
  username?: string | undefined;
  /** The user's password. Required unless `session` is given. */
  password?: string | undefined;
  /** Project (tenant) to scope to, by name. */
  projectName?: string | undefined;
  /** Project (tenant) to scope to, by id. */
  projectId?: string | undefined;
  /** Domain of both the user and the project (default `Default`). */
  domainName?: string | undefined;
  /** Domain of the user, when it differs from `domainName`. */
  userDomainName?: string | undefined;
  /** Domain of the project, when it differs from `domainName`. */
  projectDomainName?: string | undefined;
}
