import { type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, requireOneOf, requireUuid, string, unwrap } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import { requireTag } from '../internal/query.js';
import { tagPath, tagsPath } from './urls.js';

/**
 * Collections whose resources carry tags (the `standard-attr-tag` extension).
 * @example await addNetworkingTag(network, 'ports', port.id, 'web');
 */
export const NETWORKING_TAGGABLE = [
  'networks',
  'subnets',
  'subnetpools',
  'ports',
  'routers',
  'floatingips',
  'security-groups',
  'security-group-rules',
  'address-scopes',
  'address-groups',
  'segments',
  'trunks',
  'policies',
  'local-ips',
  'network_segment_ranges',
] as const;

/**
 * A collection whose resources carry tags.
 * @example const kind: NetworkingTaggable = 'security-groups';
 */
export type NetworkingTaggable = (typeof NETWORKING_TAGGABLE)[number];

function target(resource: unknown, id: unknown): [NetworkingTaggable, string] {
  return [requireOneOf(resource, NETWORKING_TAGGABLE, 'resource'), requireUuid(id, 'resourceId')];
}

function validTags(tags: unknown, allowEmpty: boolean): string[] {
  if (!Array.isArray(tags) || (!allowEmpty && tags.length === 0)) {
    throw new ValidationError(
      `tags must be ${allowEmpty ? 'an array' : 'a non-empty array'} of tags`,
      'tags',
    );
  }
  return tags.map((t, i) => requireTag(t, `tags[${i}]`));
}

const TAGS = arrayOf(string);

/**
 * Reads the tags of a resource.
 * @example const tags = await getNetworkingTags(network, 'networks', net.id);
 */
export async function getNetworkingTags(
  client: NetworkClient,
  resource: NetworkingTaggable,
  resourceId: string,
  options?: RequestOptions,
): Promise<string[]> {
  const [r, id] = target(resource, resourceId);
  const res = await client.request('GET', tagsPath(r, id), { ...options, resource: `${r} "${id}"` });
  return [...unwrap(res, 'tags', TAGS)];
}

/**
 * Adds one tag, keeping the others (Neutron's `PUT …/tags/{tag}`; adding a present tag is a no-op).
 * @example await addNetworkingTag(network, 'ports', port.id, 'web');
 */
export async function addNetworkingTag(
  client: NetworkClient,
  resource: NetworkingTaggable,
  resourceId: string,
  tag: string,
  options?: RequestOptions,
): Promise<void> {
  const [r, id] = target(resource, resourceId);
  requireTag(tag, 'tag');
  await client.request('PUT', tagPath(r, id, tag), { ...options, resource: `${r} "${id}"` });
}

/**
 * Removes one tag (Neutron's `DELETE …/tags/{tag}`).
 * @throws NotFoundError when the resource, or the tag on it, does not exist.
 * @example await removeNetworkingTag(network, 'ports', port.id, 'web');
 */
export async function removeNetworkingTag(
  client: NetworkClient,
  resource: NetworkingTaggable,
  resourceId: string,
  tag: string,
  options?: RequestOptions,
): Promise<void> {
  const [r, id] = target(resource, resourceId);
  requireTag(tag, 'tag');
  await client.request('DELETE', tagPath(r, id, tag), {
    ...options,
    resource: `tag "${tag}" of ${r} "${id}"`,
  });
}

/**
 * Merges tags into a resource's set, keeping the tags it has, and returns the resulting set.
 * Each tag is added with its own idempotent `PUT …/tags/{tag}`, so a concurrent change to other
 * tags is never lost (a read-then-replace would race); the final set is read back.
 * @example const tags = await setNetworkingTags(network, 'networks', net.id, ['prod', 'team-a']);
 */
export async function setNetworkingTags(
  client: NetworkClient,
  resource: NetworkingTaggable,
  resourceId: string,
  tags: readonly string[],
  options?: RequestOptions,
): Promise<string[]> {
  const [r, id] = target(resource, resourceId);
  const list = validTags(tags, false);
  for (const tag of new Set(list)) {
    await client.request('PUT', tagPath(r, id, tag), { ...options, resource: `${r} "${id}"` });
  }
  return getNetworkingTags(client, r, id, options);
}

/**
 * Replaces all tags of a resource with `tags` (`[]` removes them all) and returns the new set
 * (Neutron's `PUT …/tags`).
 * @example await replaceNetworkingTags(network, 'routers', router.id, ['edge']);
 */
export async function replaceNetworkingTags(
  client: NetworkClient,
  resource: NetworkingTaggable,
  resourceId: string,
  tags: readonly string[],
  options?: RequestOptions,
): Promise<string[]> {
  const [r, id] = target(resource, resourceId);
  const list = validTags(tags, true);
  const res = await client.request('PUT', tagsPath(r, id), {
    ...options,
    json: { tags: list },
    resource: `${r} "${id}"`,
  });
  return [...unwrap(res, 'tags', TAGS)];
}

/**
 * Removes every tag of a resource (Neutron's `DELETE …/tags`).
 * @example await clearNetworkingTags(network, 'networks', net.id);
 */
export async function clearNetworkingTags(
  client: NetworkClient,
  resource: NetworkingTaggable,
  resourceId: string,
  options?: RequestOptions,
): Promise<void> {
  const [r, id] = target(resource, resourceId);
  await client.request('DELETE', tagsPath(r, id), { ...options, resource: `${r} "${id}"` });
}
