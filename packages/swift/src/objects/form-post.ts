import { type RequestOptions, ValidationError } from '@cloud/core';
import { encodePath, encodeSegment } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { checkContainerName } from '../internal/validate.js';
import {
  checkDigest,
  expiryOf,
  getTempUrlKey,
  hmacHex,
  type SignatureExpiry,
  storagePathOf,
  type TempUrlDigest,
} from './temp-url.js';

/**
 * Options of an HTML form upload.
 * @example await createFormPost(swift, 'uploads', { maxFileSize: 10 * 1024 ** 2, maxFileCount: 3, expiresIn: 900 });
 */
export interface FormPostOptions extends SignatureExpiry {
  /** Largest file accepted, in bytes. */
  maxFileSize: number;
  /** Most files in one submission. Default 1. */
  maxFileCount?: number | undefined;
  /** Where the browser goes after the upload (Swift adds `status` and `message`). */
  redirect?: string | undefined;
  /** Default sha256 (Swift releases before 2.30 accept only sha1). */
  digest?: TempUrlDigest | undefined;
}

/**
 * Parameters of {@link buildFormPost}.
 * @example buildFormPost({ endpoint, container: 'uploads', key, maxFileSize: 1e7, expiresIn: 600 });
 */
export interface BuildFormPostParams extends FormPostOptions {
  endpoint: string;
  container: string;
  /** Uploaded files are named `<prefix><file name>`. Default empty. */
  prefix?: string | undefined;
  key: string;
}

/**
 * The form's target and its hidden fields.
 * @example const { url, fields } = await createFormPost(swift, 'uploads', { maxFileSize: 1e7, expiresIn: 600 });
 */
export interface FormPostForm {
  /** The `action` URL; submit as `multipart/form-data` POST. */
  url: string;
  /** Hidden inputs, in the order Swift expects them (before any file input). */
  fields: {
    redirect: string;
    max_file_size: string;
    max_file_count: string;
    expires: string;
    signature: string;
  };
}

/**
 * Builds the action URL and hidden fields of an HTML form that uploads files straight to Swift
 * (the FormPost middleware). A pure function; the signature is an HMAC over the path, redirect,
 * limits and expiry.
 * @example
 * ```ts
 * const form = buildFormPost({ endpoint, container: 'uploads', prefix: 'user-42/', key,
 *   maxFileSize: 10 * 1024 ** 2, maxFileCount: 5, expiresIn: 900 });
 * // <form action={form.url} method="POST" enctype="multipart/form-data"> + hidden form.fields
 * ```
 */
export function buildFormPost(params: BuildFormPostParams, now = Date.now()): FormPostForm {
  checkContainerName(params.container);
  if (typeof params.key !== 'string' || params.key === '') {
    throw new ValidationError('key must be a non-empty string', 'key');
  }
  if (!Number.isSafeInteger(params.maxFileSize) || params.maxFileSize < 1) {
    throw new ValidationError(
      `maxFileSize must be a positive integer, got ${params.maxFileSize}`,
      'maxFileSize',
    );
  }
  const maxFileCount = params.maxFileCount ?? 1;
  if (!Number.isSafeInteger(maxFileCount) || maxFileCount < 1) {
    throw new ValidationError(`maxFileCount must be a positive integer, got ${maxFileCount}`, 'maxFileCount');
  }
  const digest = checkDigest(params.digest ?? 'sha256');
  const expires = expiryOf(params, now);
  const prefix = params.prefix ?? '';
  const redirect = params.redirect ?? '';
  const path = `${storagePathOf(params.endpoint)}/${params.container}/${prefix}`;
  const signature = hmacHex(
    digest,
    params.key,
    `${path}\n${redirect}\n${params.maxFileSize}\n${maxFileCount}\n${expires}`,
  );
  const url = `${params.endpoint.replace(/\/+$/, '')}/${encodeSegment(params.container)}/${prefix ? encodePath(prefix) : ''}`;
  return {
    url,
    fields: {
      redirect,
      max_file_size: String(params.maxFileSize),
      max_file_count: String(maxFileCount),
      expires: String(expires),
      signature,
    },
  };
}

/**
 * Builds an HTML upload form for this client's endpoint, reading the temp URL key from the
 * container or account when `key` is not given.
 * @example
 * ```ts
 * const form = await createFormPost(swift, 'uploads', { prefix: 'u42/', maxFileSize: 1e7, expiresIn: 600 });
 * ```
 */
export async function createFormPost(
  client: SwiftClient,
  container: string,
  params: FormPostOptions & { prefix?: string | undefined; key?: string | undefined },
  options?: RequestOptions,
): Promise<FormPostForm> {
  // Validate everything with placeholders before any request.
  buildFormPost({
    ...params,
    endpoint: 'https://swift.invalid/v1/AUTH_x',
    container,
    key: params.key ?? 'x',
  });
  const endpoint = await client.endpoint(options?.signal);
  const key = params.key ?? (await getTempUrlKey(client, { container }, options));
  return buildFormPost({ ...params, endpoint, container, key });
}
