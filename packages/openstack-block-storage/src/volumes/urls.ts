import { seg } from '../internal/common.js';

/** @internal */
export const volumesUrl = 'volumes';
/** @internal */
export const volumesDetailUrl = 'volumes/detail';
/** @internal */
export const volumeUrl = (id: string): string => `volumes/${seg(id)}`;
/** @internal */
export const volumeActionUrl = (id: string): string => `volumes/${seg(id)}/action`;
/** @internal */
export const volumeSummaryUrl = 'volumes/summary';
