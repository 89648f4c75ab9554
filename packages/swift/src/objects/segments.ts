import { AbortError, IntegrityError, type RequestOptions, TimeoutError, ValidationError } from '@cloud/core';
import { encodePath, encodeSegment } from '@cloud/core/service';
import { checkConcurrency, checkSegmentSize, MAX_SEGMENT_SIZE, type SwiftClient } from '../client.js';
import { containerPath } from '../containers/urls.js';
import { SwiftUploadUnconfirmedError } from '../errors.js';
import { linkedController } from '../internal/abort.js';
import { destroySource } from '../internal/body.js';
import { md5Hex } from '../internal/hash.js';
import { dateHeader, header, unquote } from '../internal/headers.js';
import { runPool } from '../internal/pool.js';
import type { Segment, SegmentFile } from '../internal/segmenter.js';
import {
  checkContainerName,
  checkObjectName,
  checkOptionalInt,
  MAX_OBJECT_NAME_BYTES,
} from '../internal/validate.js';
import { guessContentType } from './content-type.js';
import { objectWriteHeaders } from './headers.js';
import {
  findOldSegments,
  isManifestLive,
  type OldSegments,
  outcomeUnknown,
  type WrittenManifest,
} from './manifest-check.js';
import type { UploadObjectParams, UploadObjectResult } from './upload.js';
import { objectPath } from './urls.js';

/**
 * Swift's default limit of segments in one SLO manifest.
 * @example const most = DEFAULT_MAX_SEGMENTS * DEFAULT_SEGMENT_SIZE; // bytes with default settings
 */
export const DEFAULT_MAX_SEGMENTS = 1000;

/**
 * Settings of segmented (large-object) uploads.
 * @example await uploadObject(swift, 'c', 'o', stream, { segmentSize: 128 * 1024 ** 2, concurrency: 2, keepSegmentsOnError: true });
 */
export interface LargeObjectParams {
  /** Bytes per segment, 1 MiB to 5 GiB. Default: the client's (32 MiB). */
  segmentSize?: number | undefined;
  /** Segments uploaded at once. Default: the client's (4). Memory is about segmentSize x (concurrency + 1). */
  concurrency?: number | undefined;
  /** Where segments go. Default `<container>_segments`. */
  segmentContainer?: string | undefined;
  /** Name prefix of the segments. Default `<name>/slo/<timestamp>/<segmentSize>/`. */
  segmentPrefix?: string | undefined;
  /** Leave uploaded segments in place when the upload fails (default: they are deleted). */
  keepSegmentsOnError?: boolean | undefined;
  /** Retries of each segment after network errors and 5xx answers. Default 3. */
  segmentRetries?: number | undefined;
  /** Most segments one manifest may list. Default 1000 (Swift's default `max_manifest_segments`). */
  maxSegments?: number | undefined;
  /** Create the segment container if needed (PUT, idempotent). Default true. */
  createSegmentContainer?: boolean | undefined;
  /**
   * Keep the segments of the Static Large Object this upload replaces. By default they are
   * deleted once the new manifest is confirmed — only those under `<segmentContainer>/<name>/`,
   * the prefix this SDK (and the `swift` CLI) name them with.
   */
  keepOldSegments?: boolean | undefined;
}

/** @internal A resolved segmenting plan. */
export interface SegmentPlan {
  kind: 'static' | 'dynamic';
  segmentSize: number;
  concurrency: number;
  segmentContainer: string;
  segmentPrefix: string;
  retries: number;
  maxSegments: number;
  keepSegmentsOnError: boolean;
  createSegmentContainer: boolean;
  keepOldSegments: boolean;
}

const MiB = 1024 * 1024;

/** @internal Validates segment settings and fills in defaults. Throws before any request. */
export function planSegments(
  client: SwiftClient,
  container: string,
  name: string,
  params: LargeObjectParams & { kind?: 'static' | 'dynamic' | undefined },
  size: number | undefined,
): SegmentPlan {
  const maxSegments = checkOptionalInt(params.maxSegments, 'maxSegments', 1, 100_000) ?? DEFAULT_MAX_SEGMENTS;
  let segmentSize =
    params.segmentSize === undefined ? client.largeObjects.segmentSize : checkSegmentSize(params.segmentSize);
  if (size !== undefined && Math.ceil(size / segmentSize) > maxSegments) {
    if (params.segmentSize !== undefined) {
      throw new ValidationError(
        `segmentSize ${segmentSize} cuts ${size} bytes into more than ${maxSegments} segments; use at least ${Math.ceil(size / maxSegments)}`,
        'segmentSize',
      );
    }
    segmentSize = Math.ceil(size / maxSegments / MiB) * MiB;
    if (segmentSize > MAX_SEGMENT_SIZE) {
      throw new ValidationError(
        `size ${size} is too large for ${maxSegments} segments of at most 5 GiB`,
        'size',
      );
    }
  }
  const concurrency = checkConcurrency(params.concurrency ?? client.largeObjects.concurrency);
  const segmentContainer = checkContainerName(
    params.segmentContainer ?? `${container}_segments`,
    'segmentContainer',
  );
  const kind = params.kind ?? 'static';
  if (kind !== 'static' && kind !== 'dynamic') {
    throw new ValidationError(`kind must be static or dynamic, got ${String(kind)}`, 'kind');
  }
  const stamp = uploadStamp();
  const segmentPrefix =
    params.segmentPrefix ?? `${name}/${kind === 'static' ? 'slo' : 'dlo'}/${stamp}/${segmentSize}/`;
  checkObjectName(`${segmentPrefix}00000000`, 'segmentPrefix');
  if (Buffer.byteLength(segmentPrefix) + 8 > MAX_OBJECT_NAME_BYTES) {
    throw new ValidationError('segmentPrefix is too long for segment names', 'segmentPrefix');
  }
  return {
    kind,
    segmentSize,
    concurrency,
    segmentContainer,
    segmentPrefix,
    retries: checkOptionalInt(params.segmentRetries, 'segmentRetries', 0, 10) ?? 3,
    maxSegments,
    keepSegmentsOnError: params.keepSegmentsOnError ?? false,
    createSegmentContainer: params.createSegmentContainer ?? true,
    keepOldSegments: params.keepOldSegments ?? false,
  };
}

interface ManifestEntry {
  path: string;
  etag: string;
  size_bytes: number;
}

let lastStamp = 0;

/** @internal A timestamp in microseconds, strictly increasing within the process. */
function uploadStamp(): string {
  const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  lastStamp = Math.max(now, lastStamp + 1);
  return (lastStamp / 1e6).toFixed(6);
}

/**
 * @internal Counts the bytes the segments carry and fails as soon as they outgrow `size`, or at
 * the end when they fall short of it: a short input is never stored as complete.
 */
async function* checkSize(
  segments: AsyncIterable<Segment> | Iterable<Segment>,
  size: number | undefined,
): AsyncGenerator<Segment> {
  let count = 0;
  for await (const segment of segments) {
    count += segment.size;
    if (size !== undefined && count > size) {
      segment.release();
      throw new ValidationError(`size is ${size} but the body is longer`, 'size');
    }
    yield segment;
  }
  if (size !== undefined && count !== size) {
    throw new ValidationError(`size is ${size} but the body had ${count} bytes`, 'size');
  }
}

/** @internal What {@link uploadSegments} needs to upload one large object. */
export interface SegmentUpload {
  client: SwiftClient;
  container: string;
  name: string;
  /** The content, already cut into segments of `plan.segmentSize`. */
  segments: AsyncIterable<Segment> | Iterable<Segment>;
  /** The file the segments are byte ranges of, if any: checked for growth before the manifest. */
  file?: SegmentFile | undefined;
  plan: SegmentPlan;
  params: UploadObjectParams;
  options?: RequestOptions | undefined;
  /** The input stream, if any: released when the upload fails or is aborted. */
  source?: unknown;
}

/** @internal The state one segmented upload shares between its steps. */
interface SegmentRun extends SegmentUpload {
  controller: AbortController;
  signal: AbortSignal;
  /** What is left of the whole call's `timeoutMs`, for the next request. */
  remaining: () => number | undefined;
  /** Names of every segment a PUT was started for. */
  attempted: string[];
  entries: ManifestEntry[];
  /** Bytes of the segments stored so far. */
  bytes: number;
  firstError?: { error: unknown } | undefined;
  /** Set just before the manifest PUT: what to look for if its outcome is unknown. */
  written?: WrittenManifest | undefined;
  /** Segments of the object this upload replaces. */
  old?: OldSegments | undefined;
}

/**
 * @internal Uploads segments with bounded concurrency and per-segment retries, then writes the
 * manifest. On failure, deletes the segments (unless `keepSegmentsOnError`) and rethrows — but
 * only once Swift confirms that the manifest did not land: a manifest PUT whose outcome is
 * unknown is checked (HEAD + the stored manifest) first, and if it did land the upload succeeds.
 * The segments of the object replaced are deleted only after the new manifest is confirmed.
 */
export async function uploadSegments(upload: SegmentUpload): Promise<UploadObjectResult> {
  const { controller, dispose } = linkedController(upload.options?.signal);
  const run = startRun(upload, controller);
  try {
    await createSegmentContainer(run);
    await putSegments(run);
    return await writeManifest(run);
  } catch (error) {
    return await confirmOrCleanUp(run, error);
  } finally {
    dispose();
  }
}

/** Sets up the shared state: the whole-call deadline and the release of the input on abort. */
function startRun(upload: SegmentUpload, controller: AbortController): SegmentRun {
  const signal = controller.signal;
  // `timeoutMs` bounds the whole upload: each request gets what is left of it.
  const timeoutMs = upload.options?.timeoutMs;
  const deadline = timeoutMs ? Date.now() + timeoutMs : undefined;
  const remaining = () => (deadline === undefined ? undefined : Math.max(1, deadline - Date.now()));
  // Any failure or abort releases the input, so a stalled stream cannot hold the upload open.
  signal.addEventListener('abort', () => destroySource(upload.source), { once: true });
  return { ...upload, controller, signal, remaining, attempted: [], entries: [], bytes: 0 };
}

/** Creates the segment container (PUT, idempotent) unless told not to. */
async function createSegmentContainer(run: SegmentRun): Promise<void> {
  if (!run.plan.createSegmentContainer) return;
  const segmentContainer = run.plan.segmentContainer;
  await run.client.request('PUT', containerPath(segmentContainer), {
    signal: run.signal,
    timeoutMs: run.remaining(),
    resource: `segment container "${segmentContainer}"`,
  });
}

/**
 * Uploads the segments, `plan.concurrency` at a time, checking each stored ETag and the total
 * size. The first failure aborts the others.
 */
async function putSegments(run: SegmentRun): Promise<void> {
  const { plan, params } = run;
  const segmentContainer = plan.segmentContainer;
  const inProgress = new Map<number, number>();
  const report = () => {
    let sent = run.bytes;
    for (const n of inProgress.values()) sent += n;
    params.onProgress?.({ transferred: sent, total: params.size });
  };
  await runPool(checkSize(run.segments, params.size), plan.concurrency, async (segment, index) => {
    try {
      if (index >= plan.maxSegments) {
        throw new ValidationError(
          `the input needs more than ${plan.maxSegments} segments of ${plan.segmentSize} bytes; raise segmentSize`,
          'segmentSize',
        );
      }
      const segmentName = `${plan.segmentPrefix}${String(index).padStart(8, '0')}`;
      run.attempted.push(segmentName);
      const etag = await putSegment(run, segment, segmentName, index, (transferred) => {
        inProgress.set(index, transferred);
        report();
      });
      inProgress.delete(index);
      run.bytes += segment.size;
      run.entries[index] = {
        path: `/${segmentContainer}/${segmentName}`,
        etag,
        size_bytes: segment.size,
      };
      report();
    } catch (error) {
      run.firstError ??= { error };
      run.controller.abort();
      throw error;
    } finally {
      segment.release();
    }
  });
  await checkFileSize(run);
  if (run.entries.length === 0) {
    throw new ValidationError('a large object needs at least one byte of content', 'body');
  }
}

/**
 * PUTs one segment (retried per `plan.retries`; a file range is re-read for each attempt) and
 * returns its ETag for the manifest, once it matches the MD5 of what was sent: bytes in memory go
 * out with their MD5 as `ETag` (Swift refuses a mismatch), a streamed range is hashed on its way
 * out and compared with the ETag Swift answers.
 */
async function putSegment(
  run: SegmentRun,
  segment: Segment,
  segmentName: string,
  index: number,
  progress: (transferred: number) => void,
): Promise<string> {
  const { client, container, name, plan, params } = run;
  const segmentContainer = plan.segmentContainer;
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (segment.etag) headers.etag = segment.etag;
  else headers['content-length'] = String(segment.size);
  let res: Awaited<ReturnType<SwiftClient['request']>>;
  try {
    res = await client.request('PUT', objectPath(segmentContainer, segmentName), {
      signal: run.signal,
      timeoutMs: run.remaining(),
      headers,
      body: segment.body,
      retryLimit: plan.retries,
      resource: `segment container "${segmentContainer}"`,
      onUploadProgress: params.onProgress ? (p) => progress(p.transferred) : undefined,
    });
  } catch (error) {
    // A file cut short (or unreadable) is the cause, not the connection that it broke.
    throw segment.bodyError() ?? error;
  }
  const stored = unquote(header(res.headers, 'etag'))?.toLowerCase();
  const sent = segment.sentMd5();
  if (stored && sent && stored !== sent) {
    throw new IntegrityError(`segment ${index} of "${container}/${name}" is corrupt`, {
      expected: sent,
      actual: stored,
    });
  }
  const etag = sent ?? stored;
  if (!etag) {
    throw new IntegrityError(`Swift stored segment ${index} of "${container}/${name}" without an ETag`, {
      expected: 'an MD5 ETag',
      actual: 'none',
    });
  }
  return etag;
}

/** A file that grew while its ranges were read would be stored cut short: refuse it. */
async function checkFileSize(run: SegmentRun): Promise<void> {
  if (!run.file) return;
  const now = (await run.file.handle.stat()).size;
  if (now !== run.file.size) {
    throw new ValidationError(`size is ${run.file.size} but the file now has ${now} bytes`, 'size');
  }
}

/**
 * Notes the segments of the object being replaced, writes the manifest (static or dynamic) and,
 * once Swift has accepted it, deletes those old segments.
 */
async function writeManifest(run: SegmentRun): Promise<UploadObjectResult> {
  const { client, container, name, params, options, plan } = run;
  const headers: Record<string, string> = {
    ...options?.headers,
    ...objectWriteHeaders({ ...params, contentType: params.contentType ?? guessContentType(name) }),
  };
  run.old = plan.keepOldSegments
    ? undefined
    : await findOldSegments(client, container, name, plan.segmentContainer, {
        signal: run.signal,
        timeoutMs: run.remaining(),
        headers: options?.headers,
      });
  const answer =
    plan.kind === 'static'
      ? await writeStaticManifest(run, headers)
      : await writeDynamicManifest(run, headers);
  await deleteOldSegments(run);
  return result(run, answer.etag, answer.headers);
}

interface ManifestAnswer {
  etag: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** PUTs the SLO manifest and checks that its ETag is the MD5 of the segment ETags. */
async function writeStaticManifest(
  run: SegmentRun,
  headers: Record<string, string>,
): Promise<ManifestAnswer> {
  const { client, container, name, params, entries } = run;
  const expected = md5Hex(entries.map((e) => e.etag).join(''));
  run.written = { kind: 'static', etag: expected, paths: entries.map((e) => e.path) };
  const res = await client.request('PUT', objectPath(container, name), {
    signal: run.signal,
    timeoutMs: run.remaining(),
    headers,
    searchParams: { 'multipart-manifest': 'put' },
    json: entries,
    resource: `container "${container}"`,
  });
  const etag = unquote(header(res.headers, 'etag'));
  if (params.verify !== false && etag && etag.toLowerCase() !== expected) {
    throw new IntegrityError(`the manifest of "${container}/${name}" does not match its segments`, {
      expected,
      actual: etag,
    });
  }
  return { etag, headers: res.headers };
}

/** PUTs an empty object whose `X-Object-Manifest` names the segment prefix (DLO). */
async function writeDynamicManifest(
  run: SegmentRun,
  headers: Record<string, string>,
): Promise<ManifestAnswer> {
  const { client, container, name, plan } = run;
  headers['x-object-manifest'] = `${encodeSegment(plan.segmentContainer)}/${encodePath(plan.segmentPrefix)}`;
  run.written = { kind: 'dynamic', dloManifest: headers['x-object-manifest'] };
  const res = await client.request('PUT', objectPath(container, name), {
    signal: run.signal,
    timeoutMs: run.remaining(),
    headers,
    body: '',
    resource: `container "${container}"`,
  });
  return { etag: unquote(header(res.headers, 'etag')), headers: res.headers };
}

/**
 * Handles a failed upload. If the manifest PUT was sent and its outcome is unknown, asks Swift
 * whether it landed: if so the upload succeeded; if Swift cannot tell (or may still be working)
 * the segments are kept and {@link SwiftUploadUnconfirmedError} says where. Otherwise cleans up
 * and rethrows the first cause.
 */
async function confirmOrCleanUp(run: SegmentRun, error: unknown): Promise<UploadObjectResult> {
  const { client, container, name, options, plan, written } = run;
  run.controller.abort();
  const cause = run.firstError ? run.firstError.error : error;
  if (written && outcomeUnknown(error)) {
    // The manifest may have reached Swift: ask before deleting anything it may now point at.
    const live = await isManifestLive(client, container, name, written, options?.headers);
    if (live === true && !(error instanceof IntegrityError)) {
      await deleteOldSegments(run);
      return result(run, written.etag, {});
    }
    // Having stopped waiting ourselves, Swift may still be checking the manifest: keep the data.
    const stillRunning = error instanceof TimeoutError || error instanceof AbortError;
    if (live !== false || stillRunning) {
      throw live === true
        ? error
        : new SwiftUploadUnconfirmedError(
            `the manifest of "${container}/${name}" was sent but Swift did not confirm it (${(error as Error).message}); its segments were kept under "${plan.segmentContainer}/${plan.segmentPrefix}"`,
            { segmentContainer: plan.segmentContainer, segmentPrefix: plan.segmentPrefix, cause: error },
          );
    }
  }
  await cleanUp(run);
  // Releasing the input on abort makes it fail too; report the cause, not the consequence.
  if (options?.signal?.aborted) throw error instanceof AbortError ? error : new AbortError();
  throw cause;
}

/** Deletes the segments this upload started, unless `keepSegmentsOnError`. */
async function cleanUp(run: SegmentRun): Promise<void> {
  const { client, plan, attempted, options } = run;
  if (plan.keepSegmentsOnError || attempted.length === 0) return;
  await deleteSegmentObjects(client, plan.segmentContainer, attempted, plan.concurrency, options?.headers);
}

/** Deletes the replaced object's segments; only called once the new manifest is confirmed. */
async function deleteOldSegments(run: SegmentRun): Promise<void> {
  const { old } = run;
  if (!old) return;
  const mine = new Set(run.attempted);
  const stale = old.names.filter((n) => !mine.has(n));
  if (stale.length === 0) return;
  await deleteSegmentObjects(run.client, old.container, stale, run.plan.concurrency, run.options?.headers);
}

/** The result of a segmented upload. */
function result(
  run: SegmentRun,
  etag: string | undefined,
  h: Record<string, string | string[] | undefined>,
): UploadObjectResult {
  const { plan } = run;
  return {
    etag,
    bytes: run.bytes,
    lastModified: dateHeader(h, 'last-modified'),
    largeObject: {
      kind: plan.kind,
      segmentContainer: plan.segmentContainer,
      segmentPrefix: plan.segmentPrefix,
      segmentCount: run.entries.length,
    },
  };
}

/** @internal Best-effort deletion of segments (missing ones are fine). Never throws. */
export async function deleteSegmentObjects(
  client: SwiftClient,
  segmentContainer: string,
  names: readonly string[],
  concurrency: number,
  headers?: Record<string, string>,
): Promise<number> {
  let failed = 0;
  await runPool(names, concurrency, async (segmentName) => {
    try {
      await client.request('DELETE', objectPath(segmentContainer, segmentName), {
        headers,
        okStatuses: [404],
        resource: `segment "${segmentContainer}/${segmentName}"`,
      });
    } catch {
      failed++;
    }
  });
  return failed;
}
