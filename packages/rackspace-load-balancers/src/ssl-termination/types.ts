import { arrayOf, object, optional, string, stringOrNumber } from '@cloud/core/service';
import { FLAG, idOf, toFlag } from '../internal/common.js';

/** The TLS versions whose status can be set. */
export const CLB_SECURITY_PROTOCOLS = ['TLS_10', 'TLS_11'] as const;
/** `TLS_10` or `TLS_11`. */
export type ClbSecurityProtocolName = (typeof CLB_SECURITY_PROTOCOLS)[number];

/**
 * SSL termination of a load balancer. The private key is never returned.
 * @example const ssl = await getClbSslTermination(clb, lbId); console.log(ssl.enabled, ssl.securePort, ssl.secureTrafficOnly);
 */
export interface ClbSslTermination {
  enabled: boolean | undefined;
  /** When true, the load balancer refuses plain traffic. */
  secureTrafficOnly: boolean | undefined;
  securePort: number | undefined;
  cipherProfile: string | undefined;
  securityProtocols: { name: string; status: string }[];
  certificate: string | undefined;
  intermediateCertificate: string | undefined;
  raw: ClbSslTerminationWire;
}

/** @internal */
export interface ClbSslTerminationWire {
  enabled?: boolean | string;
  secureTrafficOnly?: boolean | string;
  securePort?: number | string;
  cipherProfile?: string;
  securityProtocols?: { securityProtocolName: string; securityProtocolStatus: string }[];
  certificate?: string;
  intermediateCertificate?: string;
  [field: string]: unknown;
}

/** @internal */
export const SSL_TERMINATION = object<ClbSslTerminationWire>({
  enabled: optional(FLAG),
  secureTrafficOnly: optional(FLAG),
  securePort: optional(stringOrNumber),
  cipherProfile: optional(string),
  securityProtocols: optional(
    arrayOf(
      object<{ securityProtocolName: string; securityProtocolStatus: string }>({
        securityProtocolName: string,
        securityProtocolStatus: string,
      }),
    ),
  ),
  certificate: optional(string),
  intermediateCertificate: optional(string),
});

/** @internal */
export const parseSslTermination = (w: ClbSslTerminationWire): ClbSslTermination => ({
  enabled: toFlag(w.enabled),
  secureTrafficOnly: toFlag(w.secureTrafficOnly),
  securePort: w.securePort === undefined ? undefined : Number(w.securePort),
  cipherProfile: w.cipherProfile,
  securityProtocols: (w.securityProtocols ?? []).map((p) => ({
    name: p.securityProtocolName,
    status: p.securityProtocolStatus,
  })),
  certificate: w.certificate,
  intermediateCertificate: w.intermediateCertificate,
  raw: w,
});

/**
 * A certificate mapping: the certificate served for one host name (SNI) on an SSL-terminated load
 * balancer. Lists carry only `id` and `hostName`; the private key is never returned.
 * @example const m = await getClbCertificateMapping(clb, lbId, mappingId); console.log(m.hostName);
 */
export interface ClbCertificateMapping {
  id: string;
  hostName: string;
  certificate: string | undefined;
  intermediateCertificate: string | undefined;
  raw: ClbCertificateMappingWire;
}

/** @internal */
export interface ClbCertificateMappingWire {
  id: string | number;
  hostName: string;
  certificate?: string;
  intermediateCertificate?: string;
  [field: string]: unknown;
}

/** @internal */
export const CERTIFICATE_MAPPING = object<ClbCertificateMappingWire>({
  id: stringOrNumber,
  hostName: string,
  certificate: optional(string),
  intermediateCertificate: optional(string),
});

/** @internal */
export const parseCertificateMapping = (w: ClbCertificateMappingWire): ClbCertificateMapping => ({
  id: idOf(w.id),
  hostName: w.hostName,
  certificate: w.certificate,
  intermediateCertificate: w.intermediateCertificate,
  raw: w,
});
