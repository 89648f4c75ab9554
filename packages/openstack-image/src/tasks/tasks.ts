import type { PagedIterable, RequestOptions } from '@cloud/core';
import {
  arrayOf,
  object,
  optional,
  parseResponse,
  parseTimestamp,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  requireUuid,
  singlePage,
  string,
  unknownValue,
  unwrap,
} from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { imagePath } from '../images/urls.js';
import { paginateByNext } from '../internal/paging.js';
import { checkImageId } from '../internal/validate.js';

/**
 * Statuses of a Glance task.
 * @example const done = task.status === 'success';
 */
export type GlanceTaskStatus = 'pending' | 'processing' | 'success' | 'failure';

/**
 * An asynchronous Glance task: the legacy `import` tasks of `/v2/tasks` (admin), and the
 * `api_image_import` tasks behind interoperable imports (`listImageTasks`).
 * @example const task = await getGlanceTask(glance, id); console.log(task.status, task.message);
 */
export interface GlanceTask {
  id: string;
  type: string;
  status: GlanceTaskStatus | (string & {});
  owner: string | undefined;
  /** Progress or failure text, e.g. `Copied 15 MiB`. */
  message: string | undefined;
  input: unknown;
  result: unknown;
  /** The image the task works on (image task lists only). */
  imageId: string | undefined;
  /** The request that started it (image task lists only). */
  requestId: string | undefined;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | undefined;
  raw: Record<string, unknown>;
}

interface TaskWire {
  id: string;
  type: string;
  status: string;
  owner?: string;
  message?: string;
  input?: unknown;
  result?: unknown;
  image_id?: string;
  'request-id'?: string;
  created_at?: string;
  updated_at?: string;
  expires_at?: string;
}

const TASK = object<TaskWire>({
  id: string,
  type: string,
  status: string,
  owner: optional(string),
  message: optional(string),
  input: unknownValue,
  result: unknownValue,
  image_id: optional(string),
  'request-id': optional(string),
  created_at: optional(string),
  updated_at: optional(string),
  expires_at: optional(string),
});

interface TaskListWire {
  tasks: TaskWire[];
  next?: string;
}

const TASK_LIST = object<TaskListWire>({ tasks: arrayOf(TASK), next: optional(string) });

const parseTask = (w: TaskWire): GlanceTask => ({
  id: w.id,
  type: w.type,
  status: w.status,
  owner: w.owner,
  message: w.message,
  input: w.input ?? null,
  result: w.result ?? null,
  imageId: w.image_id,
  requestId: w['request-id'],
  createdAt: parseTimestamp(w.created_at ?? ''),
  updatedAt: parseTimestamp(w.updated_at ?? w.created_at ?? ''),
  expiresAt: w.expires_at ? parseTimestamp(w.expires_at) : undefined,
  raw: w as unknown as Record<string, unknown>,
});

/**
 * Filters and paging of {@link listGlanceTasks}.
 * @example listGlanceTasks(glance, { status: 'failure', sortDir: 'asc' });
 */
export interface ListGlanceTasksParams {
  type?: string | undefined;
  status?: GlanceTaskStatus | undefined;
  sortKey?: 'created_at' | 'updated_at' | 'id' | 'type' | 'status' | undefined;
  sortDir?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  /** Start after this task id. */
  marker?: string | undefined;
}

/**
 * Lists tasks (`GET /v2/tasks`; admin only by default), following `next` links.
 * @example for await (const t of listGlanceTasks(glance, { status: 'processing' })) console.log(t.id, t.type);
 */
export function listGlanceTasks(
  client: ImageClient,
  params: ListGlanceTasksParams = {},
  options?: RequestOptions,
): PagedIterable<GlanceTask> {
  const query = {
    type: params.type === undefined ? undefined : requireNonBlank(params.type, 'type'),
    status:
      params.status === undefined
        ? undefined
        : requireOneOf(params.status, ['pending', 'processing', 'success', 'failure'], 'status'),
    sort_key:
      params.sortKey === undefined
        ? undefined
        : requireOneOf(params.sortKey, ['created_at', 'updated_at', 'id', 'type', 'status'], 'sortKey'),
    sort_dir:
      params.sortDir === undefined ? undefined : requireOneOf(params.sortDir, ['asc', 'desc'], 'sortDir'),
  };
  if (params.limit !== undefined) requireInteger(params.limit, 'limit', 1);
  if (params.marker !== undefined) requireUuid(params.marker, 'marker');
  return paginateByNext({
    client,
    path: 'tasks',
    shape: TASK_LIST,
    rows: (b) => b.tasks,
    next: (b) => b.next,
    map: parseTask,
    query,
    limit: params.limit,
    marker: params.marker,
    options,
  });
}

/**
 * Shows one task.
 * @example const task = await getGlanceTask(glance, taskId);
 */
export async function getGlanceTask(
  client: ImageClient,
  taskId: string,
  options?: RequestOptions,
): Promise<GlanceTask> {
  requireUuid(taskId, 'taskId');
  const res = await client.request('GET', `tasks/${taskId}`, { ...options, resource: `task "${taskId}"` });
  return parseTask(parseResponse(res, TASK));
}

/**
 * Lists the tasks of one image (Image API 2.12+), e.g. the `api_image_import` task of an
 * import with its progress `message`.
 * @example
 * ```ts
 * for await (const t of listImageTasks(glance, imageId)) console.log(t.type, t.status, t.message);
 * ```
 */
export function listImageTasks(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): PagedIterable<GlanceTask> {
  checkImageId(imageId);
  return singlePage(async () => {
    const res = await client.request('GET', `${imagePath(imageId)}/tasks`, {
      ...options,
      resource: `image "${imageId}"`,
    });
    return unwrap(res, 'tasks', arrayOf(TASK)).map(parseTask);
  });
}
