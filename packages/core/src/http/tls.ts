import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createSecureContext } from 'node:tls';
import { ValidationError } from '../errors/errors.js';

/**
 * TLS settings of a session: which certificate authorities to trust and which client certificate
 * to present. The vocabulary of `clouds.yaml` (`verify`, `cacert`, `cert`, `key`) and of the
 * `OS_INSECURE`, `OS_CACERT`, `OS_CERT`, `OS_KEY` variables. Files are PEM and read once, when the
 * session's transport is created.
 */
export interface TlsOptions {
  /** `false` accepts any server certificate (clouds.yaml `verify: false`, `OS_INSECURE=true`). Default true. */
  verify?: boolean | undefined;
  /**
   * Path of a PEM file with the CA certificates to trust (clouds.yaml `cacert`, `OS_CACERT`). They
   * replace Node's built-in roots for this session, as `verify=<file>` does in the openstack CLI.
   */
  cacert?: string | undefined;
  /** Path of the PEM client certificate (clouds.yaml `cert`, `OS_CERT`). It may hold the key too. */
  cert?: string | undefined;
  /** Path of the unencrypted PEM private key of `cert` (clouds.yaml `key`, `OS_KEY`). */
  key?: string | undefined;
}

/** The connection-level got options {@link tlsGotOptions} computes. Holds key material: never log it. */
export interface TlsGotOptions {
  https?: {
    certificateAuthority?: Buffer;
    certificate?: Buffer;
    key?: Buffer;
    rejectUnauthorized?: boolean;
  };
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/**
 * Reads a boolean the way the openstack CLI spells it (`true`/`false`, `yes`/`no`, `1`/`0`, `on`/`off`).
 * @throws ValidationError naming `field` for any other value.
 * @example
 * ```ts
 * parseBooleanSetting('True', 'OS_INSECURE'); // true
 * ```
 */
export function parseBooleanSetting(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const s = String(value).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new ValidationError(`${field} must be true or false, got ${JSON.stringify(String(value))}`, field);
}

/**
 * TLS settings from `OS_INSECURE`, `OS_CACERT`, `OS_CERT` and `OS_KEY`. Undefined when none is set.
 * @throws ValidationError when `OS_INSECURE` is not a boolean.
 * @example
 * ```ts
 * tlsFromEnv({ OS_CACERT: '/etc/ssl/private-ca.pem' }); // { cacert: '/etc/ssl/private-ca.pem' }
 * ```
 */
export function tlsFromEnv(env: Record<string, string | undefined> = process.env): TlsOptions | undefined {
  const insecure = parseBooleanSetting(env.OS_INSECURE, 'OS_INSECURE');
  const tls: TlsOptions = {
    verify: insecure === undefined ? undefined : !insecure,
    cacert: env.OS_CACERT || undefined,
    cert: env.OS_CERT || undefined,
    key: env.OS_KEY || undefined,
  };
  return isEmpty(tls) ? undefined : tls;
}

const isEmpty = (tls: TlsOptions | undefined): boolean =>
  !tls || Object.values(tls).every((v) => v === undefined);

/**
 * Merges TLS layers field by field; later layers win. Undefined when no layer sets anything.
 * @example
 * ```ts
 * mergeTls(tlsFromEnv(), cloudsYamlTls, options.tls); // explicit options win
 * ```
 */
export function mergeTls(...layers: (TlsOptions | undefined)[]): TlsOptions | undefined {
  const out: TlsOptions = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {})) {
      if (v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v;
    }
  }
  return isEmpty(out) ? undefined : out;
}

const expandHome = (path: string): string =>
  path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;

function readPem(path: string, field: string, what: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(expandHome(path));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ValidationError(`Cannot read the ${what} file ${path} (${reason})`, field);
  }
  if (!bytes.includes('-----BEGIN ')) {
    throw new ValidationError(`The ${what} file ${path} holds no PEM data`, field);
  }
  return bytes;
}

/**
 * Computes got's connection options (`https.certificateAuthority`, `certificate`, `key`,
 * `rejectUnauthorized`) from TLS settings, reading the files now. The certificate, key and CAs are
 * loaded into a TLS context once, so a mismatched pair or a broken file fails here, before any
 * request; errors name the file, never its content.
 * @throws ValidationError (field `tls.cacert`, `tls.cert` or `tls.key`) for an unreadable or unusable file.
 * @example
 * ```ts
 * const got = gotInstance.extend(tlsGotOptions({ cacert: '/etc/ssl/private-ca.pem' }));
 * ```
 */
export function tlsGotOptions(tls: TlsOptions | undefined): TlsGotOptions {
  if (!tls || isEmpty(tls)) return {};
  if (tls.key && !tls.cert) {
    throw new ValidationError(
      'A client key (tls.key, OS_KEY) needs its certificate (tls.cert, OS_CERT)',
      'tls.cert',
    );
  }
  const ca = tls.cacert ? readPem(tls.cacert, 'tls.cacert', 'CA certificate') : undefined;
  const cert = tls.cert ? readPem(tls.cert, 'tls.cert', 'client certificate') : undefined;
  // A certificate file without `key` may hold the key too (OpenSSL finds the block of its kind).
  const key = tls.key ? readPem(tls.key, 'tls.key', 'client key') : cert;
  if (ca) {
    try {
      // createSecureContext() skips a garbled CA block silently; parsing the first one does not.
      new X509Certificate(ca);
      createSecureContext({ ca });
    } catch (e) {
      throw new ValidationError(
        `The CA certificate file ${tls.cacert} is not usable: ${reason(e)}`,
        'tls.cacert',
      );
    }
  }
  if (cert && key) {
    try {
      createSecureContext({ cert, key });
    } catch (e) {
      const files = tls.key ? `${tls.cert} and ${tls.key}` : `${tls.cert} (no separate key file)`;
      throw new ValidationError(
        `The client certificate and key (${files}) are not usable: ${reason(e)}`,
        'tls.key',
      );
    }
  }
  const https: NonNullable<TlsGotOptions['https']> = {};
  if (ca) https.certificateAuthority = ca;
  if (cert && key) {
    https.certificate = cert;
    https.key = key;
  }
  if (tls.verify === false) https.rejectUnauthorized = false;
  return { https };
}

/** OpenSSL's reason, without anything that could echo file content. */
const reason = (e: unknown): string =>
  String((e as Error).message ?? e)
    .split('\n')[0]
    ?.slice(0, 200) ?? '';
