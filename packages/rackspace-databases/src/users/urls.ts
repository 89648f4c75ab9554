import { encodeSegment } from '@cloud/core/service';
import { instancePath } from '../instances/urls.js';

/**
 * One user as a path segment: `name`, or `name@host` when a host is given. A name that itself holds
 * an `@` gets an explicit `@%`, because Trove splits the segment at its last `@`. Dots go out as
 * `%2E`, as python-troveclient sends them, so the router never reads `.1` as a format suffix.
 */
export const userSegment = (name: string, host?: string) => {
  const id = host !== undefined ? `${name}@${host}` : name.includes('@') ? `${name}@%` : name;
  return encodeSegment(id).replace(/\./g, '%2E');
};

export const usersPath = (instanceId: string) => `${instancePath(instanceId)}/users`;
export const userPath = (instanceId: string, name: string, host?: string) =>
  `${usersPath(instanceId)}/${userSegment(name, host)}`;
export const userDatabasesPath = (instanceId: string, name: string, host?: string) =>
  `${userPath(instanceId, name, host)}/databases`;
export const userDatabasePath = (
  instanceId: string,
  name: string,
  host: string | undefined,
  database: string,
) => `${userDatabasesPath(instanceId, name, host)}/${encodeSegment(database)}`;
