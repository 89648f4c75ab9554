/** @internal The account itself: the endpoint root. */
export const accountPath = (): string => '';

/**
 * @internal The `/info` capabilities URL of a storage URL: `/v1/AUTH_x` and everything after is
 * replaced by `/info`, keeping any path prefix before it.
 */
export function swiftInfoUrl(storageUrl: string): string {
  const url = new URL(storageUrl);
  const m = /^(.*?)\/v1(?:\.0)?(?:\/.*)?$/.exec(url.pathname);
  const prefix = m ? m[1] : url.pathname.replace(/\/+$/, '');
  return `${url.origin}${prefix}/info`;
}
