import { CloudError } from '@cloud/core';

/**
 * No temp URL key is set on the container or the account, so a temp URL or form signature cannot
 * be made. Set one with `setAccountTempUrlKey` or `setContainerTempUrlKey`.
 * @example
 * ```ts
 * try { await createTempUrl(swift, 'c', 'o', { expiresIn: 60 }); }
 * catch (e) { if (e instanceof TempUrlKeyMissingError) await setAccountTempUrlKey(swift, newKey()); }
 * ```
 */
export class TempUrlKeyMissingError extends CloudError {
  constructor(message = 'No temp URL key is set on the container or the account') {
    super(message, 'TEMP_URL_KEY_MISSING');
  }
}

/**
 * One item a bulk operation could not process.
 * @example for (const f of (await bulkDelete(swift, items)).failures) console.warn(f.path, f.status);
 */
export interface BulkFailure {
  /** The object or container path, decoded, e.g. `/photos/cat.jpg`. */
  path: string;
  /** The HTTP status Swift gave, e.g. `409 Conflict`. */
  status: string;
}

/**
 * A bulk operation (bulk delete, archive extraction, large-object delete) failed as a whole or for
 * some items. `failures` lists the items and `responseStatus` is the status Swift reported.
 * @example
 * ```ts
 * catch (e) { if (e instanceof SwiftBulkOperationError) for (const f of e.failures) console.log(f.path, f.status); }
 * ```
 */
export class SwiftBulkOperationError extends CloudError {
  readonly responseStatus: string;
  readonly failures: BulkFailure[];
  constructor(message: string, details: { responseStatus: string; failures: BulkFailure[] }) {
    super(message, 'BULK_OPERATION_FAILED');
    this.responseStatus = details.responseStatus;
    this.failures = details.failures;
  }
}

/**
 * A large-object upload sent its manifest but could not learn whether Swift stored it (the
 * answer was lost and Swift could not be asked afterwards). The segments are kept, since they may
 * now be the live object's data: check the object (`getObjectMetadata`) and upload again, or
 * delete the segments under `segmentContainer/segmentPrefix` once the object is known not to use
 * them. `cause` is the failure of the manifest PUT.
 * @example
 * ```ts
 * catch (e) { if (e instanceof SwiftUploadUnconfirmedError) console.warn(e.segmentContainer, e.segmentPrefix); }
 * ```
 */
export class SwiftUploadUnconfirmedError extends CloudError {
  readonly segmentContainer: string;
  readonly segmentPrefix: string;
  constructor(message: string, details: { segmentContainer: string; segmentPrefix: string; cause: unknown }) {
    super(message, 'UPLOAD_UNCONFIRMED', { cause: details.cause });
    this.segmentContainer = details.segmentContainer;
    this.segmentPrefix = details.segmentPrefix;
  }
}
