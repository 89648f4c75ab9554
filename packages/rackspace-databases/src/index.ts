export {
  createDatabaseBackup,
  deleteDatabaseBackup,
  getDatabaseBackup,
  listDatabaseBackups,
  listDatabaseInstanceBackups,
} from './backups/backups.js';
export {
  type CreateDatabaseBackupStrategyParams,
  createDatabaseBackupStrategy,
  type DatabaseBackupStrategy,
  deleteDatabaseBackupStrategy,
  listDatabaseBackupStrategies,
} from './backups/strategies.js';
export type {
  CreateDatabaseBackupParams,
  DatabaseBackup,
  DatabaseBackupStatus,
  ListDatabaseBackupsParams,
} from './backups/types.js';
export { DATABASE_BACKUP_STATUSES } from './backups/types.js';
export {
  createDatabaseClient,
  type DatabaseClient,
  type DatabaseClientOptions,
  DEFAULT_MAX_DATABASE_USER_NAME_LENGTH,
  DEFAULT_MAX_VOLUME_SIZE_GB,
} from './client.js';
export {
  attachConfigurationGroup,
  createConfigurationGroup,
  deleteConfigurationGroup,
  detachConfigurationGroup,
  getConfigurationGroup,
  listConfigurationGroupInstances,
  listConfigurationGroups,
  replaceConfigurationGroup,
  updateConfigurationGroup,
} from './configurations/configurations.js';
export {
  CONFIGURATION_PARAMETER_TYPES,
  type ConfigurationParameter,
  type ConfigurationParameterType,
  getConfigurationParameter,
  listConfigurationParameters,
  validateConfigurationValues,
} from './configurations/parameters.js';
export type {
  ConfigurationGroup,
  ConfigurationGroupInstance,
  ConfigurationValue,
  CreateConfigurationGroupParams,
  ReplaceConfigurationGroupParams,
} from './configurations/types.js';
export { createDatabase, createDatabases, deleteDatabase, listDatabases } from './databases/databases.js';
export type { CreateDatabaseParams, Database } from './databases/types.js';
export {
  getDatastore,
  getDatastoreVersion,
  listDatastores,
  listDatastoreVersionFlavors,
  listDatastoreVersions,
} from './datastores/datastores.js';
export type { Datastore, DatastoreVersion } from './datastores/types.js';
export { getDatabaseFlavor, listDatabaseFlavors } from './flavors/flavors.js';
export type { DatabaseFlavor } from './flavors/types.js';
export {
  ejectDatabaseReplicaSource,
  promoteDatabaseReplicaToSource,
  resetDatabaseInstanceStatus,
  resizeDatabaseInstance,
  resizeDatabaseInstanceVolume,
  restartDatabaseInstance,
} from './instances/actions.js';
export {
  createDatabaseInstance,
  deleteDatabaseInstance,
  getDatabaseInstance,
  listDatabaseInstances,
  listDatabaseInstancesDetail,
} from './instances/instances.js';
export {
  type CreateDatabaseInstanceParams,
  DATABASE_INSTANCE_STATUSES,
  type DatabaseInstance,
  type DatabaseInstanceAccess,
  type DatabaseInstanceAddress,
  type DatabaseInstanceNic,
  type DatabaseInstanceStatus,
  type DatabaseLink,
  type DatabaseResourceRef,
  type KnownDatabaseInstanceStatus,
  type ListDatabaseInstancesParams,
} from './instances/types.js';
export {
  type DatabaseConfigurationSetting,
  type DatabaseInstanceAccessParams,
  detachDatabaseReplica,
  getDatabaseInstanceDefaultConfiguration,
  renameDatabaseInstance,
  type UpdateDatabaseInstanceParams,
  updateDatabaseInstance,
  updateDatabaseInstanceAccess,
  upgradeDatabaseInstance,
} from './instances/update.js';
export {
  type WaitForDatabaseInstanceDeletedOptions,
  type WaitForDatabaseInstanceStatusOptions,
  waitForDatabaseInstanceDeleted,
  waitForDatabaseInstanceStatus,
} from './instances/waiters.js';
export { type DatabaseLimits, type DatabaseRateLimit, getDatabaseLimits } from './limits/limits.js';
export { disableRootUser, enableRootUser, isRootEnabled } from './root/root.js';
export type { RootUserCredentials } from './root/types.js';
export type { DatabaseListParams } from './types.js';
export { grantDatabaseAccess, listDatabaseAccess, revokeDatabaseAccess } from './users/access.js';
export type {
  CreateDatabaseUserParams,
  DatabaseUser,
  DatabaseUserPasswordChange,
  DatabaseUserRef,
} from './users/types.js';
export {
  changeDatabaseUserPassword,
  changeDatabaseUserPasswords,
  createDatabaseUser,
  createDatabaseUsers,
  deleteDatabaseUser,
  getDatabaseUser,
  listDatabaseUsers,
  type UpdateDatabaseUserParams,
  updateDatabaseUser,
} from './users/users.js';
export {
  MAX_DATABASE_NAME_LENGTH,
  RESERVED_DATABASE_NAMES,
  RESERVED_DATABASE_USER_NAMES,
} from './validation.js';
export { type DatabaseApiVersion, listDatabaseApiVersions } from './versions/versions.js';
