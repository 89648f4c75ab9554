import {
  parseV2Catalog,
  parseV3Catalog,
  type V2CatalogWire,
  type V3CatalogWire,
} from '../catalog/catalog.js';
import { AuthenticationError, ValidationError } from '../errors/errors.js';
import { extractFaultMessage } from '../errors/http-errors.js';
import { headerValue } from '../http/headers.js';
import { scrubSecrets } from '../http/redact.js';
import type { HttpResponse } from '../http/transport.js';
import { normalizeBaseUrl } from '../http/url.js';
import {
  arrayOf,
  invalidResponse,
  object,
  optional,
  type ResponseLike,
  string,
  unwrap,
} from '../response/shape.js';
import { type AuthContext, type AuthResult, createAuthResult, type IdentityVersion } from './types.js';

/** Picks the identity API from an explicit choice or the auth URL's last path segment. */
export function identityVersionOf(authUrl: string, explicit?: string | number): IdentityVersion {
  if (explicit !== undefined && explicit !== '') {
    const v = String(explicit).replace(/^v/i, '');
    if (v === '3') return 'v3';
    if (v === '2' || v === '2.0') return 'v2.0';
    throw new ValidationError(`identityApiVersion must be 3 or 2.0, got "${explicit}"`, 'identityApiVersion');
  }
  if (/\/v2\.0\/?$/i.test(authUrl)) return 'v2.0';
  return 'v3';
}

/** `http://h:5000` + v3 -> `http://h:5000/v3`; already versioned URLs are kept. */
export function versionedAuthUrl(authUrl: string, version: IdentityVersion): string {
  const base = normalizeBaseUrl(authUrl, 'authUrl');
  if (/\/v(3|2\.0)$/i.test(base)) return base;
  return `${base}/${version}`;
}

/** True when a 404 body is Keystone's own JSON error: the API is there, it did not find what was sent. */
const isIdentityError = (body: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'error' in parsed;
  } catch {
    return false;
  }
};

async function postTokens(
  ctx: AuthContext,
  url: string,
  body: unknown,
  who: string,
  secrets: readonly string[],
): Promise<HttpResponse> {
  const res = await ctx.transport.send({
    method: 'POST',
    url,
    json: body,
    signal: ctx.signal,
    headers: { accept: 'application/json' },
  });
  if (res.status >= 200 && res.status < 300) return res;
  const requestId = headerValue(res.headers, 'x-openstack-request-id');
  const text = scrubSecrets(res.body.toString('utf8'), secrets);
  const fault = extractFaultMessage(text);
  const hint =
    res.status === 401
      ? 'the credentials were rejected'
      : res.status === 404 && isIdentityError(text)
        ? `the identity service did not accept ${who} (an unknown, expired or revoked token, or a missing user, project or credential)`
        : res.status === 404
          ? 'the identity API is not served at this URL (check authUrl and the identity API version)'
          : `the identity service answered ${res.status}`;
  throw new AuthenticationError(
    `Authentication of ${who} at ${url} failed: ${hint}${fault ? ` (${fault})` : ''}${requestId ? ` [request ${requestId}]` : ''}`,
    { status: res.status, ...(requestId ? { requestId } : {}) },
  );
}

/** A timestamp, or `undefined` when missing or unparsable (never an Invalid Date). */
const dateOf = (value: string | undefined): Date | undefined => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms);
};

/**
 * A token's lifetime on the identity service's clock: expiry minus issue time, or minus the
 * response's `Date` header. Without either, the local clock is the only reference left: a lifetime
 * that comes out zero or less there is skew, not expiry, and is reported as unknown.
 */
export function tokenLifetime(
  expiresAt: Date | undefined,
  issuedAt: string | undefined,
  res: Pick<HttpResponse, 'headers'>,
): number | undefined {
  if (!expiresAt) return undefined;
  const from = dateOf(issuedAt) ?? dateOf(headerValue(res.headers, 'date'));
  if (from) return expiresAt.getTime() - from.getTime();
  const local = expiresAt.getTime() - Date.now();
  return local > 0 ? local : undefined;
}

/** The token response as a {@link ResponseLike}, its body parsed (or an InvalidResponseError). */
function parsed(res: HttpResponse, url: string): ResponseLike {
  const text = res.body.toString('utf8');
  const like = { status: res.status, headers: res.headers, url, method: 'POST', body: text };
  try {
    return { ...like, body: JSON.parse(text) as unknown };
  } catch (error) {
    throw invalidResponse(like, `the identity service's answer is not JSON (${(error as Error).message})`);
  }
}

const V3_ENDPOINT = object<NonNullable<V3CatalogWire['endpoints']>[number]>({
  url: string,
  interface: string,
  region: optional(string),
  region_id: optional(string),
  id: optional(string),
});
const V3_SERVICE = object<V3CatalogWire>({
  type: string,
  name: optional(string),
  id: optional(string),
  endpoints: optional(arrayOf(V3_ENDPOINT)),
});
const DOMAIN_REF = object<{ id?: string; name?: string }>({ id: optional(string), name: optional(string) });

/** @internal v3 token body */
interface V3TokenWire {
  token: {
    expires_at?: string;
    issued_at?: string;
    catalog?: V3CatalogWire[];
    project?: { id: string; name?: string; domain?: { id?: string; name?: string } };
    user?: { id: string; name?: string; domain?: { id?: string } };
  };
}

const V3_TOKEN = object<V3TokenWire['token']>({
  expires_at: optional(string),
  issued_at: optional(string),
  catalog: optional(arrayOf(V3_SERVICE)),
  project: optional(
    object<NonNullable<V3TokenWire['token']['project']>>({
      id: string,
      name: optional(string),
      domain: optional(DOMAIN_REF),
    }),
  ),
  user: optional(
    object<NonNullable<V3TokenWire['token']['user']>>({
      id: string,
      name: optional(string),
      domain: optional(DOMAIN_REF),
    }),
  ),
});

/** Sends a Keystone v3 `POST /auth/tokens` and parses the answer. */
export async function keystoneV3(
  ctx: AuthContext,
  authUrl: string,
  auth: Record<string, unknown>,
  who: string,
  secrets: readonly string[] = [],
): Promise<AuthResult> {
  const url = `${authUrl}/auth/tokens`;
  const res = await postTokens(ctx, url, { auth }, who, secrets);
  const body = parsed(res, url);
  const token = headerValue(res.headers, 'x-subject-token');
  if (!token) throw invalidResponse(body, 'the identity service returned no X-Subject-Token header');
  const t = unwrap(body, 'token', V3_TOKEN);
  const expiresAt = dateOf(t.expires_at);
  return createAuthResult({
    token,
    expiresAt,
    lifetimeMs: tokenLifetime(expiresAt, t.issued_at, res),
    catalog: parseV3Catalog(t.catalog),
    project: t.project
      ? {
          id: t.project.id,
          name: t.project.name,
          domainId: t.project.domain?.id,
          domainName: t.project.domain?.name,
        }
      : undefined,
    user: t.user ? { id: t.user.id, name: t.user.name, domainId: t.user.domain?.id } : undefined,
    identityVersion: 'v3',
    authUrl,
  });
}

/** @internal v2.0 access body */
interface V2AccessWire {
  access: {
    token: { id: string; expires?: string; issued_at?: string; tenant?: { id: string; name?: string } };
    serviceCatalog?: V2CatalogWire[];
    user?: { id: string; name?: string; 'RAX-AUTH:defaultRegion'?: string };
  };
}

const V2_ENDPOINT = object<NonNullable<V2CatalogWire['endpoints']>[number]>({
  region: optional(string),
  publicURL: optional(string),
  internalURL: optional(string),
  adminURL: optional(string),
  tenantId: optional(string),
  id: optional(string),
});
const V2_ACCESS = object<V2AccessWire['access']>({
  token: object<V2AccessWire['access']['token']>({
    id: string,
    expires: optional(string),
    issued_at: optional(string),
    tenant: optional(object<{ id: string; name?: string }>({ id: string, name: optional(string) })),
  }),
  serviceCatalog: optional(
    arrayOf(
      object<V2CatalogWire>({
        type: string,
        name: optional(string),
        endpoints: optional(arrayOf(V2_ENDPOINT)),
      }),
    ),
  ),
  user: optional(
    object<NonNullable<V2AccessWire['access']['user']>>({
      id: string,
      name: optional(string),
      'RAX-AUTH:defaultRegion': optional(string),
    }),
  ),
});

/** Sends a Keystone v2.0 (or Rackspace) `POST /tokens` and parses the answer. */
export async function keystoneV2(
  ctx: AuthContext,
  authUrl: string,
  auth: Record<string, unknown>,
  who: string,
  secrets: readonly string[] = [],
) {
  const url = `${authUrl}/tokens`;
  const res = await postTokens(ctx, url, { auth }, who, secrets);
  const access = unwrap(parsed(res, url), 'access', V2_ACCESS);
  const tenant = access.token.tenant;
  const expiresAt = dateOf(access.token.expires);
  return createAuthResult({
    token: access.token.id,
    expiresAt,
    lifetimeMs: tokenLifetime(expiresAt, access.token.issued_at, res),
    catalog: parseV2Catalog(access.serviceCatalog),
    project: tenant ? { id: tenant.id, name: tenant.name } : undefined,
    user: access.user ? { id: access.user.id, name: access.user.name } : undefined,
    identityVersion: 'v2.0',
    defaultRegion: access.user?.['RAX-AUTH:defaultRegion'] || undefined,
    authUrl,
  });
}
