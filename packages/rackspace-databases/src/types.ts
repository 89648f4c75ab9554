/**
 * Paging parameters of every list operation.
 * @example for await (const page of listDatabases(db, instanceId, { limit: 20 }).byPage()) console.log(page.length);
 */
export interface DatabaseListParams {
  /** Page size requested from the service (Trove caps it, often at 20). */
  limit?: number | undefined;
  /** Start after this item (an id, or a name for databases and users). */
  marker?: string | undefined;
}
