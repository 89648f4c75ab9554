import { encodeSegment } from '@cloud/core/service';

export const datastoresPath = () => 'datastores';
export const datastorePath = (id: string) => `datastores/${encodeSegment(id)}`;
export const datastoreVersionsPath = (datastore: string) => `${datastorePath(datastore)}/versions`;
export const datastoreVersionPath = (datastore: string, version: string) =>
  `${datastoreVersionsPath(datastore)}/${encodeSegment(version)}`;
