import { encodeSegment } from '@cloud/core/service';
import { instancePath } from '../instances/urls.js';

export const backupsPath = () => 'backups';
export const backupPath = (id: string) => `backups/${encodeSegment(id)}`;
export const instanceBackupsPath = (instanceId: string) => `${instancePath(instanceId)}/backups`;
