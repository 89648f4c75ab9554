import { inspect } from 'node:util';
import {
  AnonymousCredential,
  BlobServiceClient,
  type StoragePipelineOptions,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { ValidationError } from '@cloud/core';

/** A credential object of the Azure SDK (`DefaultAzureCredential` from `@azure/identity`, ...). */
export type AzureCredential = BlobServiceClient['credential'];

/**
 * How to reach a storage account: give exactly one way to sign in.
 * - `accountName` + `accountKey`: Shared Key; the only way that can sign SAS URLs locally.
 * - `connectionString`: as shown in the portal (`DefaultEndpointsProtocol=...;AccountKey=...` or
 *   `...;SharedAccessSignature=...`), or `UseDevelopmentStorage=true` for Azurite's default port.
 * - `sasToken`: an account or container SAS made elsewhere, passed through as it is.
 * - `credential`: a token credential (Microsoft Entra ID), e.g. `new DefaultAzureCredential()`.
 * - `client`: a `BlobServiceClient` built by you.
 * @example
 * ```ts
 * const storage = azureStorage({ accountName: 'mystore', accountKey: process.env.AZURE_STORAGE_KEY });
 * const local = azureStorage({ url: 'http://127.0.0.1:10000/devstoreaccount1',
 *   accountName: 'devstoreaccount1', accountKey: AZURITE_KEY });
 * ```
 */
export interface AzureProviderOptions {
  /** The storage account's name; with `accountKey`, or to build the default URL for `sasToken`/`credential`. */
  accountName?: string | undefined;
  /** The account key (base64), used to sign requests and SAS URLs; never logged nor put in errors. */
  accountKey?: string | undefined;
  /** A connection string holding the endpoint and an account key or SAS. */
  connectionString?: string | undefined;
  /** A SAS token (with or without the leading `?`), appended to every request as it is. */
  sasToken?: string | undefined;
  /** A token credential of the Azure SDK. */
  credential?: AzureCredential | undefined;
  /** A ready `BlobServiceClient`; the options above are then not used. */
  client?: BlobServiceClient | undefined;
  /**
   * The blob service URL, e.g. `http://127.0.0.1:10000/devstoreaccount1` for Azurite or a
   * sovereign cloud's endpoint. Default `https://<accountName>.blob.core.windows.net`.
   */
  url?: string | undefined;
  /** Attempts of each request, retries included (Azure SDK default 4). */
  maxTries?: number | undefined;
}

const ACCOUNT = /^[a-z0-9]{3,24}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const filled = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** Which way to sign in the options give, checked before any request. @internal */
export function checkCredentials(o: AzureProviderOptions): void {
  const ways = [
    filled(o.accountKey) && 'accountKey',
    filled(o.connectionString) && 'connectionString',
    filled(o.sasToken) && 'sasToken',
    filled(o.credential) && 'credential',
    filled(o.client) && 'client',
  ].filter(Boolean);
  if (ways.length !== 1) {
    throw new ValidationError(
      ways.length === 0
        ? 'give one of accountName + accountKey, connectionString, sasToken, credential or client'
        : `give only one way to sign in, not ${ways.join(' and ')}`,
      'credentials',
    );
  }
  if (o.accountName !== undefined && !ACCOUNT.test(o.accountName)) {
    throw new ValidationError('accountName must be 3-24 lowercase letters and digits', 'accountName');
  }
  if (filled(o.accountKey)) {
    if (typeof o.accountKey !== 'string' || !BASE64.test(o.accountKey)) {
      // The message must not repeat the key.
      throw new ValidationError('accountKey must be the base64 key shown for the account', 'accountKey');
    }
    if (!o.accountName) throw new ValidationError('accountName is required with accountKey', 'accountName');
  }
  if ((filled(o.sasToken) || filled(o.credential)) && !o.url && !o.accountName) {
    throw new ValidationError('give accountName or url with sasToken or credential', 'url');
  }
  if (o.url !== undefined && !/^https?:\/\/[^\s]+$/.test(o.url)) {
    throw new ValidationError('url must be an http(s) URL', 'url');
  }
  if (o.maxTries !== undefined && !(Number.isInteger(o.maxTries) && o.maxTries >= 1)) {
    throw new ValidationError('maxTries must be a positive integer', 'maxTries');
  }
}

/** Builds the Azure SDK's service client the options stand for. @internal */
export function serviceClient(o: AzureProviderOptions): BlobServiceClient {
  checkCredentials(o);
  if (o.client) return o.client;
  const pipeline: StoragePipelineOptions = {
    retryOptions: o.maxTries === undefined ? undefined : { maxTries: o.maxTries },
    // Our errors say what failed; the SDK's own logging stays off unless AZURE_LOG_LEVEL asks for it.
    userAgentOptions: { userAgentPrefix: 'cloud-sdk' },
  };
  if (o.connectionString) {
    try {
      return hideKey(BlobServiceClient.fromConnectionString(o.connectionString, pipeline));
    } catch {
      // The SDK's message may quote the string, key included.
      throw new ValidationError(
        'connectionString is not a storage connection string (with AccountName/AccountKey or SharedAccessSignature)',
        'connectionString',
      );
    }
  }
  const url = (o.url ?? `https://${o.accountName}.blob.core.windows.net`).replace(/\/+$/, '');
  if (o.accountKey) {
    return hideKey(
      new BlobServiceClient(url, new StorageSharedKeyCredential(o.accountName!, o.accountKey), pipeline),
    );
  }
  if (o.sasToken) {
    const sas = o.sasToken.replace(/^\?/, '');
    return new BlobServiceClient(`${url}?${sas}`, new AnonymousCredential(), pipeline);
  }
  return new BlobServiceClient(url, o.credential, pipeline);
}

/**
 * The Shared Key credential keeps the decoded key as a public field, which `util.inspect` of the
 * client (or of anything holding it) would print: it stays readable but is no longer enumerable.
 */
function hideKey(client: BlobServiceClient): BlobServiceClient {
  const credential = client.credential;
  if (credential instanceof StorageSharedKeyCredential) {
    Object.defineProperty(credential, 'accountKey', { enumerable: false });
  }
  return client;
}

/** The service URL without its query (a SAS), safe to print. @internal */
export const publicUrl = (url: string): string => url.replace(/[?#].*$/, '');

/** What `util.inspect` shows of an object holding a client: no key, no SAS. @internal */
export function inspectable<T extends object>(target: T, label: string, shown: () => object): T {
  Object.defineProperty(target, inspect.custom, {
    value: (_depth: number, opts: object) => `${label} ${inspect(shown(), opts)}`,
    enumerable: false,
  });
  return target;
}
