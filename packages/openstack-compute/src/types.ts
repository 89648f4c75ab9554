/**
 * A link of a compute resource (`self`, `bookmark`, `next`, `alternate`).
 * @example const self = server.links.find((l) => l.rel === 'self')?.href;
 */
export interface ComputeLink {
  href: string;
  rel: string;
  type?: string | undefined;
}

/**
 * Key/value metadata of a server or image. Values are strings.
 * @example await setServerMetadata(compute, id, { role: 'web', owner: 'ops' }); // merges
 */
export type ComputeMetadata = Record<string, string>;
