import type { ProviderServerStatus } from '@cloud/providers';

export type {
  ProviderContainer,
  ProviderDatabase,
  ProviderDatabaseFlavor,
  ProviderDatabaseInstance,
  ProviderDatabaseUser,
  ProviderFile,
  ProviderFlavor,
  ProviderImage,
  ProviderServer,
  ProviderServerStatus,
} from '@cloud/providers';

/** Nova's server statuses (OpenStack and Rackspace) and what they mean on every provider. */
const STATUS: Record<string, ProviderServerStatus> = {
  ACTIVE: 'RUNNING',
  BUILD: 'PROVISIONING',
  REBUILD: 'PROVISIONING',
  REBOOT: 'REBOOTING',
  HARD_REBOOT: 'REBOOTING',
  SHUTOFF: 'STOPPED',
  STOPPED: 'STOPPED',
  PAUSED: 'STOPPED',
  SUSPENDED: 'STOPPED',
  SHELVED: 'STOPPED',
  SHELVED_OFFLOADED: 'STOPPED',
  RESIZE: 'UPDATING',
  VERIFY_RESIZE: 'UPDATING',
  REVERT_RESIZE: 'UPDATING',
  MIGRATING: 'UPDATING',
  PASSWORD: 'UPDATING',
  RESCUE: 'UPDATING',
  ERROR: 'ERROR',
  DELETED: 'DELETED',
  SOFT_DELETED: 'DELETED',
};

/**
 * The cloud's statuses that mean `status`: the inverse of the one mapping above, so the two can
 * never disagree. @internal
 */
export const providerStatusesOf = (status: ProviderServerStatus): string[] =>
  Object.keys(STATUS).filter((s) => STATUS[s] === status);

/** Maps a cloud's server status to {@link ProviderServerStatus}. @internal */
export const normalizeServerStatus = (status: string): ProviderServerStatus =>
  STATUS[status.toUpperCase()] ?? 'UNKNOWN';
