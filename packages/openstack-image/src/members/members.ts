import type { PagedIterable, RequestOptions } from '@cloud/core';
import {
  arrayOf,
  encodeSegment,
  object,
  optional,
  parseResponse,
  parseTimestamp,
  requireOneOf,
  singlePage,
  string,
  unwrap,
} from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { imagePath } from '../images/urls.js';
import { checkImageId, checkMemberId } from '../internal/validate.js';

/**
 * A member's answer to a share: `pending` until the member accepts or rejects it.
 * @example await updateImageMemberStatus(glance, imageId, myProjectId, 'accepted');
 */
export type ImageMemberStatus = 'pending' | 'accepted' | 'rejected';

const MEMBER_STATUSES: readonly ImageMemberStatus[] = ['pending', 'accepted', 'rejected'];

/**
 * A project an image is shared with. Only `shared` images can have members.
 * @example for await (const m of listImageMembers(glance, id)) console.log(m.memberId, m.status);
 */
export interface ImageMember {
  imageId: string;
  /** The project id the image is shared with. */
  memberId: string;
  status: ImageMemberStatus | (string & {});
  createdAt: Date;
  updatedAt: Date;
  schema: string | undefined;
  raw: Record<string, unknown>;
}

interface MemberWire {
  image_id: string;
  member_id: string;
  status: string;
  created_at?: string;
  updated_at?: string;
  schema?: string;
}

const MEMBER = object<MemberWire>({
  image_id: string,
  member_id: string,
  status: string,
  created_at: optional(string),
  updated_at: optional(string),
  schema: optional(string),
});

const parseMember = (w: MemberWire): ImageMember => ({
  imageId: w.image_id,
  memberId: w.member_id,
  status: w.status,
  createdAt: parseTimestamp(w.created_at ?? ''),
  updatedAt: parseTimestamp(w.updated_at ?? w.created_at ?? ''),
  schema: w.schema,
  raw: w as unknown as Record<string, unknown>,
});

const membersPath = (imageId: string) => `${imagePath(imageId)}/members`;
const memberPath = (imageId: string, memberId: string) =>
  `${membersPath(imageId)}/${encodeSegment(memberId)}`;

/**
 * Lists the members of an image (all of them, to its owner; to a member, only itself).
 * @example
 * ```ts
 * const pending = (await toArray(listImageMembers(glance, id))).filter((m) => m.status === 'pending');
 * ```
 */
export function listImageMembers(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): PagedIterable<ImageMember> {
  checkImageId(imageId);
  return singlePage(async () => {
    const res = await client.request('GET', membersPath(imageId), {
      ...options,
      resource: `image "${imageId}"`,
    });
    return unwrap(res, 'members', arrayOf(MEMBER)).map(parseMember);
  });
}

/**
 * Shows one member of an image.
 * @example const m = await getImageMember(glance, imageId, projectId);
 */
export async function getImageMember(
  client: ImageClient,
  imageId: string,
  memberId: string,
  options?: RequestOptions,
): Promise<ImageMember> {
  checkImageId(imageId);
  checkMemberId(memberId);
  const res = await client.request('GET', memberPath(imageId, memberId), {
    ...options,
    resource: `member "${memberId}" of image "${imageId}"`,
  });
  return parseMember(parseResponse(res, MEMBER));
}

/**
 * Shares an image with a project (the image must have `shared` visibility); the member starts
 * `pending` and accepts with {@link updateImageMemberStatus}. Adding one twice is `ConflictError`.
 * @example await addImageMember(glance, imageId, otherProjectId);
 */
export async function addImageMember(
  client: ImageClient,
  imageId: string,
  memberId: string,
  options?: RequestOptions,
): Promise<ImageMember> {
  checkImageId(imageId);
  checkMemberId(memberId);
  const res = await client.request('POST', membersPath(imageId), {
    ...options,
    json: { member: memberId },
    resource: `image "${imageId}"`,
  });
  return parseMember(parseResponse(res, MEMBER));
}

/**
 * Accepts or rejects a share; called by the member (the project the image is shared with).
 * @example await updateImageMemberStatus(memberGlance, imageId, memberProjectId, 'accepted');
 */
export async function updateImageMemberStatus(
  client: ImageClient,
  imageId: string,
  memberId: string,
  status: ImageMemberStatus,
  options?: RequestOptions,
): Promise<ImageMember> {
  checkImageId(imageId);
  checkMemberId(memberId);
  requireOneOf(status, MEMBER_STATUSES, 'status');
  const res = await client.request('PUT', memberPath(imageId, memberId), {
    ...options,
    json: { status },
    resource: `member "${memberId}" of image "${imageId}"`,
  });
  return parseMember(parseResponse(res, MEMBER));
}

/**
 * Stops sharing an image with a project.
 * @example await deleteImageMember(glance, imageId, otherProjectId);
 */
export async function deleteImageMember(
  client: ImageClient,
  imageId: string,
  memberId: string,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  checkMemberId(memberId);
  await client.request('DELETE', memberPath(imageId, memberId), {
    ...options,
    resource: `member "${memberId}" of image "${imageId}"`,
  });
}
