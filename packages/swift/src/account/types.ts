import { arrayOf, object, optional, recordOf, string, unknownValue } from '@cloud/core/service';
import {
  headersToMetadata,
  intHeader,
  plainHeaders,
  type ResponseHeaders,
  timestampHeader,
} from '../internal/headers.js';

/**
 * Usage of one storage policy in an account.
 * @example const gold = (await getAccountMetadata(swift)).storagePolicies.gold?.bytesUsed;
 */
export interface StoragePolicyUsage {
  containerCount?: number | undefined;
  objectCount?: number | undefined;
  bytesUsed?: number | undefined;
}

/**
 * Account totals and metadata, from `getAccountMetadata`.
 * @example const { containerCount, objectCount, bytesUsed, metadata } = await getAccountMetadata(swift);
 */
export interface AccountInfo {
  containerCount: number;
  objectCount: number;
  bytesUsed: number;
  /** User metadata (`X-Account-Meta-*`), keys lower-cased. Temp URL keys are left out. */
  metadata: Record<string, string>;
  /** `X-Account-Meta-Quota-Bytes`, when an operator set a quota. */
  quotaBytes?: number | undefined;
  /** Whether a temp URL key (`Temp-URL-Key` or `Temp-URL-Key-2`) is set. */
  tempUrlKeySet: boolean;
  /** When the account was created. */
  createdAt?: Date | undefined;
  /** Usage per storage policy, by policy name (lower-cased). */
  storagePolicies: Record<string, StoragePolicyUsage>;
  /** All response headers, secrets redacted. */
  headers: Record<string, string>;
}

/** @internal Metadata keys that hold secrets and are never returned as metadata. */
export const TEMP_URL_KEYS = ['temp-url-key', 'temp-url-key-2'];

/** @internal */
export function parseAccountInfo(h: ResponseHeaders): AccountInfo {
  const storagePolicies: Record<string, StoragePolicyUsage> = {};
  const policyHeader = /^x-account-storage-policy-(.+)-(container-count|object-count|bytes-used)$/;
  for (const name of Object.keys(h)) {
    const m = policyHeader.exec(name);
    if (!m) continue;
    const key = m[1]!;
    const policy = storagePolicies[key] ?? {};
    storagePolicies[key] = policy;
    const value = intHeader(h, name);
    if (m[2] === 'container-count') policy.containerCount = value;
    else if (m[2] === 'object-count') policy.objectCount = value;
    else policy.bytesUsed = value;
  }
  return {
    containerCount: intHeader(h, 'x-account-container-count') ?? 0,
    objectCount: intHeader(h, 'x-account-object-count') ?? 0,
    bytesUsed: intHeader(h, 'x-account-bytes-used') ?? 0,
    metadata: headersToMetadata('x-account-meta-', h, TEMP_URL_KEYS),
    quotaBytes: intHeader(h, 'x-account-meta-quota-bytes'),
    tempUrlKeySet: !!(h['x-account-meta-temp-url-key'] || h['x-account-meta-temp-url-key-2']),
    createdAt: timestampHeader(h, 'x-timestamp'),
    storagePolicies,
    headers: plainHeaders(h),
  };
}

/**
 * Swift's limits and enabled features, from the `/info` capabilities document.
 * @example const max = (await getSwiftInfo(swift)).slo?.maxManifestSegments ?? 1000;
 */
export interface SwiftInfo {
  /** Swift release, e.g. `2.30.1`. */
  version?: string | undefined;
  /** Largest single object, in bytes (5 GiB by default). */
  maxFileSize?: number | undefined;
  maxObjectNameLength?: number | undefined;
  maxContainerNameLength?: number | undefined;
  maxMetaNameLength?: number | undefined;
  maxMetaValueLength?: number | undefined;
  maxMetaCount?: number | undefined;
  maxMetaOverallSize?: number | undefined;
  containerListingLimit?: number | undefined;
  accountListingLimit?: number | undefined;
  /** Storage policies, when the cluster has several. */
  policies: { name: string; default: boolean; aliases?: string | undefined }[];
  /** Bulk delete, when enabled. */
  bulkDelete?: { maxDeletesPerRequest: number; maxFailedDeletes?: number | undefined } | undefined;
  /** Archive extraction, when enabled. */
  bulkUpload?:
    | { maxContainersPerExtraction?: number | undefined; maxFailedExtractions?: number | undefined }
    | undefined;
  /** Static Large Objects, when enabled. */
  slo?:
    | {
        maxManifestSegments?: number | undefined;
        maxManifestSize?: number | undefined;
        minSegmentSize?: number | undefined;
      }
    | undefined;
  /** Temp URLs, when enabled. */
  tempUrl?: { methods: string[]; allowedDigests: string[] } | undefined;
  /** Form POST uploads, when enabled. */
  formPost?: { allowedDigests: string[] } | undefined;
  /** Whether Dynamic Large Objects, object versioning and symlinks are enabled. */
  dlo: boolean;
  versionedWrites: boolean;
  symlink: boolean;
  /** The whole capabilities document as Swift sent it. */
  capabilities: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

const section = optional(recordOf(unknownValue));

/**
 * @internal Shape of `/info`: an object whose sections, when present, are objects; the parser
 * reads their fields defensively, so only what it dereferences is checked here.
 */
export const SWIFT_INFO = object<Obj>({
  // Every Swift publishes its own section; a document without one is not Swift's /info.
  swift: object<Obj>({
    version: optional(string),
    policies: optional(arrayOf(object<Obj>({ name: string }))),
  }),
  bulk_delete: section,
  bulk_upload: section,
  slo: section,
  tempurl: section,
  formpost: section,
});
const num = (o: Obj | undefined, k: string): number | undefined =>
  typeof o?.[k] === 'number' ? (o[k] as number) : undefined;
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** @internal */
export function parseSwiftInfo(raw: Obj): SwiftInfo {
  const s = raw.swift as Obj | undefined;
  const bulkDelete = raw.bulk_delete as Obj | undefined;
  const bulkUpload = raw.bulk_upload as Obj | undefined;
  const slo = raw.slo as Obj | undefined;
  const tempurl = raw.tempurl as Obj | undefined;
  const formpost = raw.formpost as Obj | undefined;
  const policies = Array.isArray(s?.policies) ? (s.policies as Obj[]) : [];
  return {
    version: typeof s?.version === 'string' ? s.version : undefined,
    maxFileSize: num(s, 'max_file_size'),
    maxObjectNameLength: num(s, 'max_object_name_length'),
    maxContainerNameLength: num(s, 'max_container_name_length'),
    maxMetaNameLength: num(s, 'max_meta_name_length'),
    maxMetaValueLength: num(s, 'max_meta_value_length'),
    maxMetaCount: num(s, 'max_meta_count'),
    maxMetaOverallSize: num(s, 'max_meta_overall_size'),
    containerListingLimit: num(s, 'container_listing_limit'),
    accountListingLimit: num(s, 'account_listing_limit'),
    policies: policies.map((p) => ({
      name: String(p.name),
      default: p.default === true,
      aliases: typeof p.aliases === 'string' ? p.aliases : undefined,
    })),
    bulkDelete: bulkDelete
      ? {
          maxDeletesPerRequest: num(bulkDelete, 'max_deletes_per_request') ?? 10_000,
          maxFailedDeletes: num(bulkDelete, 'max_failed_deletes'),
        }
      : undefined,
    bulkUpload: bulkUpload
      ? {
          maxContainersPerExtraction: num(bulkUpload, 'max_containers_per_extraction'),
          maxFailedExtractions: num(bulkUpload, 'max_failed_extractions'),
        }
      : undefined,
    slo: slo
      ? {
          maxManifestSegments: num(slo, 'max_manifest_segments'),
          maxManifestSize: num(slo, 'max_manifest_size'),
          minSegmentSize: num(slo, 'min_segment_size'),
        }
      : undefined,
    tempUrl: tempurl
      ? {
          methods: strs(tempurl.methods),
          allowedDigests: tempurl.allowed_digests
            ? strs(tempurl.allowed_digests)
            : ['sha1', 'sha256', 'sha512'],
        }
      : undefined,
    formPost: formpost
      ? { allowedDigests: formpost.allowed_digests ? strs(formpost.allowed_digests) : ['sha1'] }
      : undefined,
    dlo: 'dlo' in raw,
    versionedWrites: 'versioned_writes' in raw || 'object_versioning' in raw,
    symlink: 'symlink' in raw,
    capabilities: raw,
  };
}
