import { instancePath } from '../instances/urls.js';

export const rootPath = (instanceId: string) => `${instancePath(instanceId)}/root`;
