import { encodeSegment } from '@cloud/core/service';
import { instancePath } from '../instances/urls.js';

export const databasesPath = (instanceId: string) => `${instancePath(instanceId)}/databases`;
export const databasePath = (instanceId: string, name: string) =>
  `${databasesPath(instanceId)}/${encodeSegment(name)}`;
