/** Header names whose values are secrets and are never logged or put in errors. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-auth-token',
  'x-subject-token',
  'x-storage-token',
  'x-auth-key',
  'x-auth-user',
  'x-service-token',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-account-meta-temp-url-key',
  'x-account-meta-temp-url-key-2',
  'x-container-meta-temp-url-key',
  'x-container-meta-temp-url-key-2',
]);

const SECRET_QUERY = /([?&](?:temp_url_sig|signature|token|password|apikey|api_key|secret)=)[^&#\s"']*/gi;
// The value may be cut short (a truncated body): then the secret runs to the end of the text.
const SECRET_JSON =
  /("(?:password|apiKey|api_key|secret|token|id_token|access_token|adminPass|X-Auth-Token|credential|private_key|privateKey)"\s*:\s*")(?:[^"\\]|\\.)*\\?("|$)/gi;
const SECRET_HEADER_TEXT =
  /((?:x-auth-token|x-subject-token|x-storage-token|x-auth-key|authorization|temp-url-key(?:-2)?)\s*[:=]\s*)[^\s,;"'}]+/gi;

/** The text put in place of a secret. */
export const REDACTED = '[REDACTED]';

/** Removes secrets (query signatures, JSON password/token fields, auth headers) from free text. */
export function redactText(text: string): string {
  return text
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .replace(SECRET_JSON, `$1${REDACTED}$2`)
    .replace(SECRET_HEADER_TEXT, `$1${REDACTED}`);
}

/**
 * Replaces every occurrence of known secret values (the token sent, a password, a key) with
 * `[REDACTED]`, wherever a server echoed them. Values shorter than 4 characters are left alone.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Copies headers, joining arrays. Values of secret headers become `[REDACTED]`; in every other
 * value, the known `secrets` (e.g. the token sent, should the server echo it) are scrubbed.
 */
export function redactHeaders(
  headers: Record<string, string | string[] | number | undefined>,
  secrets: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[key] = SECRET_HEADERS.has(key.toLowerCase())
      ? REDACTED
      : scrubSecrets(Array.isArray(value) ? value.join(', ') : String(value), secrets);
  }
  return out;
}

/** The values of the secret headers of a request (the token it carries), to scrub from answers. */
export function secretValuesOf(headers: Record<string, string | undefined> | undefined): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value && SECRET_HEADERS.has(key.toLowerCase())) out.push(value);
  }
  return out;
}

/** Redacts the secret parts of a URL (query signatures, userinfo). */
export function redactUrl(url: string): string {
  return redactText(url.replace(/^(\w+:\/\/)[^/@\s]*@/, `$1${REDACTED}@`));
}
