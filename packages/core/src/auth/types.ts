import { inspect } from 'node:util';
import type { ServiceCatalog } from '../catalog/catalog.js';
import { REDACTED } from '../http/redact.js';
import type { Transport } from '../http/transport.js';

/** Which Keystone API issued a token. */
export type IdentityVersion = 'v3' | 'v2.0';

/** The project (tenant) a token is scoped to. */
export interface ProjectScope {
  id: string;
  name?: string | undefined;
  domainId?: string | undefined;
  domainName?: string | undefined;
}

/** The user a token belongs to. */
export interface AuthUser {
  id: string;
  name?: string | undefined;
  domainId?: string | undefined;
}

/**
 * The outcome of authentication. `token` is non-enumerable and hidden from `util.inspect`,
 * `JSON.stringify` and spreads, so logging an `AuthResult` never leaks it.
 */
export interface AuthResult {
  readonly token: string;
  /** Expiry as the identity service wrote it (its clock, which may differ from this machine's). */
  readonly expiresAt?: Date | undefined;
  /**
   * How long the token lives, measured on the identity service's own clock (`expires_at` minus
   * `issued_at`, or minus the response's `Date`). Sessions refresh by it, not by comparing
   * `expiresAt` with the local clock. `undefined` when unknown; zero or less when already expired.
   */
  readonly lifetimeMs?: number | undefined;
  readonly catalog: ServiceCatalog;
  readonly project?: ProjectScope | undefined;
  readonly user?: AuthUser | undefined;
  readonly identityVersion?: IdentityVersion | undefined;
  /** Rackspace's `RAX-AUTH:defaultRegion`, used when no region is configured. */
  readonly defaultRegion?: string | undefined;
  /** The identity endpoint that issued the token. */
  readonly authUrl?: string | undefined;
}

/** Builds an {@link AuthResult} whose token cannot leak through inspection or serialisation. */
export function createAuthResult(fields: Omit<AuthResult, 'token'> & { token: string }): AuthResult {
  const { token, ...rest } = fields;
  const result = { ...rest } as AuthResult;
  Object.defineProperty(result, 'token', { value: token, enumerable: false });
  Object.defineProperty(result, inspect.custom, {
    value: () => ({ ...rest, token: REDACTED }),
    enumerable: false,
  });
  Object.defineProperty(result, 'toJSON', { value: () => ({ ...rest, token: REDACTED }), enumerable: false });
  return Object.freeze(result);
}

/** What a session hands a credentials provider. */
export interface AuthContext {
  /** The session's HTTP transport (so auth shares retries, timeouts, TLS and logging). */
  transport: Transport;
  signal?: AbortSignal | undefined;
  /** Ask for a new token even when one is cached. */
  forceRefresh?: boolean | undefined;
}

/**
 * A function that produces a token and catalog. Built by `fromPassword`, `fromToken`,
 * `fromApplicationCredential`, `fromRackspaceApiKey`, `fromEnv`, `fromCloudsYaml`, or your own.
 */
export type CredentialProvider = (context: AuthContext) => Promise<AuthResult>;
