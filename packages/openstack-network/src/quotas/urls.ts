import { encodeSegment } from '@cloud/core/service';

/** Quotas of one project. @internal */
export const quotaPath = (projectId: string): string => `quotas/${encodeSegment(projectId)}`;
/** Quotas of one project with usage. @internal */
export const quotaDetailsPath = (projectId: string): string => `${quotaPath(projectId)}/details`;
