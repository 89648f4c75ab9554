/** Credentials of an AWS account or role. */
export interface AmazonCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials (STS, SSO, instance roles). */
  sessionToken?: string | undefined;
}

/**
 * Options of the Amazon factories. Without `credentials`, the AWS SDK's default chain applies
 * (environment, shared config files, SSO, instance or task role).
 * @example
 * ```ts
 * const storage = amazonStorage({ region: 'eu-west-1' });
 * const local = amazonStorage({ region: 'us-east-1', endpoint: 'http://127.0.0.1:5001', forcePathStyle: true,
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
 * ```
 */
export interface AmazonProviderOptions {
  /** The AWS region, e.g. `us-east-1`. Required unless the AWS SDK finds one in its configuration. */
  region?: string | undefined;
  /** Static credentials; the AWS SDK's default provider chain when omitted. */
  credentials?: AmazonCredentials | undefined;
  /** Another endpoint (S3-compatible stores, local emulators such as moto), e.g. `http://127.0.0.1:5001`. */
  endpoint?: string | undefined;
  /** Address buckets as `endpoint/bucket` rather than `bucket.endpoint` (needed by most emulators). */
  forcePathStyle?: boolean | undefined;
  /** Attempts of each request, retries included (AWS SDK default 3). */
  maxAttempts?: number | undefined;
}

/** The AWS SDK client configuration these options stand for. @internal */
export const clientConfig = (o: AmazonProviderOptions = {}) => ({
  region: o.region,
  credentials: o.credentials,
  endpoint: o.endpoint,
  maxAttempts: o.maxAttempts,
});
