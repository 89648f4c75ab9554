import { seg } from '../internal/common.js';

/** @internal */
export const snapshotsUrl = 'snapshots';
/** @internal */
export const snapshotsDetailUrl = 'snapshots/detail';
/** @internal */
export const snapshotUrl = (id: string): string => `snapshots/${seg(id)}`;
