import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, object, omitUndefined, singlePage, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import {
  lbResource,
  NAME_ROW,
  requireBoolean,
  requireClbId,
  requireEnum,
  requireList,
  requireParams,
  requirePort,
  requireText,
} from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import {
  CERTIFICATE_MAPPING,
  CLB_SECURITY_PROTOCOLS,
  type ClbCertificateMapping,
  type ClbCertificateMappingWire,
  type ClbSecurityProtocolName,
  type ClbSslTermination,
  parseCertificateMapping,
  parseSslTermination,
  SSL_TERMINATION,
} from './types.js';

function requirePem(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/-----BEGIN [A-Z0-9 ]+-----/.test(value) || value.length > 65_536)
    throw new ValidationError(`${field} must be PEM text ("-----BEGIN …-----")`, field);
  return value;
}

/**
 * The forms a private key may take when a server echoes it: as sent, JSON-escaped, and each
 * base64 line alone, so that errors and logs never carry key material.
 */
function keySecrets(key: string | undefined): string[] | undefined {
  if (!key) return undefined;
  const lines = key.split(/\r?\n/).filter((l) => l.length >= 8 && !l.startsWith('-----'));
  return [key, JSON.stringify(key).slice(1, -1), ...lines];
}

/**
 * Changes of {@link updateClbSslTermination}. A new certificate needs `certificate`,
 * `privateKey` and `securePort` together; `enabled`, `secureTrafficOnly`, `securePort`,
 * `cipherProfile` and `securityProtocols` can be changed alone without touching it.
 * @example
 * ```ts
 * { securePort: 443, certificate: certPem, privateKey: keyPem, intermediateCertificate: chainPem, secureTrafficOnly: true }
 * ```
 */
export interface UpdateClbSslTerminationParams {
  securePort?: number | undefined;
  certificate?: string | undefined;
  /** Sent as `privatekey`; scrubbed from errors and logs. */
  privateKey?: string | undefined;
  /** The intermediate chain (PEM). */
  intermediateCertificate?: string | undefined;
  enabled?: boolean | undefined;
  /** Accept only secure traffic. */
  secureTrafficOnly?: boolean | undefined;
  /** e.g. `default`; see the ciphers the load balancer enables with {@link listClbCiphers}. */
  cipherProfile?: string | undefined;
  /** Turn TLS 1.0 / 1.1 on or off. */
  securityProtocols?: { name: ClbSecurityProtocolName; status: 'ENABLED' | 'DISABLED' }[] | undefined;
}

function sslBody(p: UpdateClbSslTerminationParams): Record<string, unknown> {
  requireParams(p);
  const credentials = p.certificate !== undefined || p.privateKey !== undefined;
  if (credentials || p.intermediateCertificate !== undefined) {
    requirePem(p.certificate, 'certificate');
    requirePem(p.privateKey, 'privateKey');
    if (p.securePort === undefined)
      throw new ValidationError('securePort is required with a certificate and private key', 'securePort');
  }
  if (p.intermediateCertificate !== undefined)
    requirePem(p.intermediateCertificate, 'intermediateCertificate');
  if (p.securePort !== undefined) requirePort(p.securePort, 'securePort');
  if (p.enabled !== undefined) requireBoolean(p.enabled, 'enabled');
  if (p.secureTrafficOnly !== undefined) requireBoolean(p.secureTrafficOnly, 'secureTrafficOnly');
  if (p.cipherProfile !== undefined) requireText(p.cipherProfile, 'cipherProfile', 128);
  const protocols =
    p.securityProtocols === undefined
      ? undefined
      : requireList<{ name: string; status: string }>(p.securityProtocols, 'securityProtocols', 2).map(
          (s, i) => {
            requireParams(s, `securityProtocols[${i}]`);
            return {
              securityProtocolName: requireEnum(
                s.name,
                CLB_SECURITY_PROTOCOLS,
                `securityProtocols[${i}].name`,
              ),
              securityProtocolStatus: requireEnum(
                s.status,
                ['ENABLED', 'DISABLED'],
                `securityProtocols[${i}].status`,
              ),
            };
          },
        );
  const body = omitUndefined({
    securePort: p.securePort,
    certificate: p.certificate,
    privatekey: p.privateKey,
    intermediateCertificate: p.intermediateCertificate,
    enabled: p.enabled,
    secureTrafficOnly: p.secureTrafficOnly,
    cipherProfile: p.cipherProfile,
    securityProtocols: protocols,
  });
  if (Object.keys(body).length === 0)
    throw new ValidationError('params must change at least one setting', 'params');
  return body;
}

/**
 * Reads a load balancer's SSL termination (certificate and chain included, never the key).
 * @throws NotFoundError when SSL termination is not configured.
 * @example const ssl = await getClbSslTermination(clb, lbId); console.log(ssl.securePort);
 */
export async function getClbSslTermination(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbSslTermination> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/ssltermination`, {
    ...options,
    resource: `SSL termination of load balancer "${id}"`,
  });
  return parseSslTermination(unwrap(res, 'sslTermination', SSL_TERMINATION));
}

/**
 * Configures SSL termination (only on load balancers with a non-secure protocol such as HTTP):
 * a certificate, its private key and intermediate chain on `securePort`; or, alone, whether it
 * is enabled, secure-traffic-only, the cipher profile and TLS 1.0/1.1. Returns the configuration
 * when the service answers with it.
 * @throws ValidationError before any request: a certificate without key or port, text that is
 *   not PEM, a port outside 1–65535.
 * @example
 * ```ts
 * await updateClbSslTermination(clb, lbId, { securePort: 443, certificate, privateKey, intermediateCertificate: chain });
 * await waitForClbLoadBalancerStatus(clb, lbId, 'ACTIVE');
 * await updateClbSslTermination(clb, lbId, { secureTrafficOnly: true });
 * ```
 */
export async function updateClbSslTermination(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  params: UpdateClbSslTerminationParams,
  options?: ClbWriteOptions,
): Promise<ClbSslTermination | undefined> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const body = sslBody(params);
  const res = await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/ssltermination`,
    {
      json: { sslTermination: body },
      resource: lbResource(id),
      secrets: keySecrets(params.privateKey),
    },
    options,
  );
  if (res.body === undefined || res.body === '') return undefined;
  return parseSslTermination(unwrap(res, 'sslTermination', SSL_TERMINATION));
}

/**
 * Removes SSL termination (certificate, key and settings).
 * @example await deleteClbSslTermination(clb, lbId);
 */
export async function deleteClbSslTermination(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/ssltermination`,
    { resource: lbResource(id) },
    options,
  );
}

/**
 * Lists the ciphers an SSL-terminated load balancer enables (set by its cipher profile).
 * @example for await (const c of listClbCiphers(clb, lbId)) console.log(c);
 */
export function listClbCiphers(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): PagedIterable<string> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return singlePage(async () => {
    const res = await client.request('GET', `loadbalancers/${id}/ssltermination/ciphers`, {
      ...options,
      resource: lbResource(id),
    });
    return unwrap(res, 'ciphers', arrayOf(NAME_ROW)).map((c) => c.name);
  });
}

const WRAPPED_MAPPING = object<{ certificateMapping: ClbCertificateMappingWire }>({
  certificateMapping: CERTIFICATE_MAPPING,
});

const mappingResource = (id: string, mid: string) => `certificate mapping "${mid}" of load balancer "${id}"`;

/**
 * Lists a load balancer's certificate mappings (`id` and `hostName` only).
 * @example for await (const m of listClbCertificateMappings(clb, lbId)) console.log(m.id, m.hostName);
 */
export function listClbCertificateMappings(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): PagedIterable<ClbCertificateMapping> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return singlePage(async () => {
    const res = await client.request('GET', `loadbalancers/${id}/ssltermination/certificatemappings`, {
      ...options,
      resource: lbResource(id),
    });
    return unwrap(res, 'certificateMappings', arrayOf(WRAPPED_MAPPING)).map((w) =>
      parseCertificateMapping(w.certificateMapping),
    );
  });
}

/**
 * Gets a certificate mapping with its certificate and chain (not the key).
 * @example const m = await getClbCertificateMapping(clb, lbId, '123'); console.log(m.certificate);
 */
export async function getClbCertificateMapping(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  mappingId: string,
  options?: RequestOptions,
): Promise<ClbCertificateMapping> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const mid = requireClbId(mappingId, 'mappingId');
  const res = await client.request('GET', `loadbalancers/${id}/ssltermination/certificatemappings/${mid}`, {
    ...options,
    resource: mappingResource(id, mid),
  });
  return parseCertificateMapping(unwrap(res, 'certificateMapping', CERTIFICATE_MAPPING));
}

/**
 * A certificate mapping to add: the credentials served for one host name.
 * @example { hostName: 'shop.example.com', certificate: certPem, privateKey: keyPem, intermediateCertificate: chainPem }
 */
export interface AddClbCertificateMappingParams {
  hostName: string;
  certificate: string;
  /** Scrubbed from errors and logs. */
  privateKey: string;
  intermediateCertificate?: string | undefined;
}

function mappingBody(p: Partial<AddClbCertificateMappingParams>, all: boolean): Record<string, unknown> {
  requireParams(p);
  if (all || p.hostName !== undefined) requireText(p.hostName, 'hostName', 256);
  if (all || p.certificate !== undefined) requirePem(p.certificate, 'certificate');
  if (all || p.privateKey !== undefined) requirePem(p.privateKey, 'privateKey');
  if (p.intermediateCertificate !== undefined)
    requirePem(p.intermediateCertificate, 'intermediateCertificate');
  const body = omitUndefined({
    hostName: p.hostName,
    certificate: p.certificate,
    privateKey: p.privateKey,
    intermediateCertificate: p.intermediateCertificate,
  });
  if (Object.keys(body).length === 0)
    throw new ValidationError('params must change at least one field', 'params');
  return body;
}

/**
 * Adds a certificate mapping (at most 20 per load balancer) and returns it with its id.
 * @example const m = await addClbCertificateMapping(clb, lbId, { hostName: 'shop.example.com', certificate, privateKey });
 */
export async function addClbCertificateMapping(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  params: AddClbCertificateMappingParams,
  options?: ClbWriteOptions,
): Promise<ClbCertificateMapping> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const body = mappingBody(params, true);
  const res = await clbWrite(
    client,
    'POST',
    `loadbalancers/${id}/ssltermination/certificatemappings`,
    { json: { certificateMapping: body }, resource: lbResource(id), secrets: keySecrets(params.privateKey) },
    options,
  );
  return parseCertificateMapping(unwrap(res, 'certificateMapping', CERTIFICATE_MAPPING));
}

/**
 * Changes a certificate mapping's host name or credentials.
 * @example await updateClbCertificateMapping(clb, lbId, '123', { certificate: renewedPem, privateKey: keyPem });
 */
export async function updateClbCertificateMapping(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  mappingId: string,
  params: Partial<AddClbCertificateMappingParams>,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const mid = requireClbId(mappingId, 'mappingId');
  const body = mappingBody(params, false);
  await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/ssltermination/certificatemappings/${mid}`,
    {
      json: { certificateMapping: body },
      resource: mappingResource(id, mid),
      secrets: keySecrets(params.privateKey),
    },
    options,
  );
}

/**
 * Deletes a certificate mapping.
 * @example await deleteClbCertificateMapping(clb, lbId, '123');
 */
export async function deleteClbCertificateMapping(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  mappingId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const mid = requireClbId(mappingId, 'mappingId');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/ssltermination/certificatemappings/${mid}`,
    { resource: mappingResource(id, mid) },
    options,
  );
}
