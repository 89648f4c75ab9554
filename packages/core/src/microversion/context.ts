import type { RequestOptions } from '../http/transport.js';
import type { ServiceClient } from '../service-client.js';
import { checkMicroversionGates, type MicroversionGate } from './gates.js';
import { negotiateMicroversion } from './negotiate.js';
import { type MicroversionRequestOptions, type MicroversionSpec, microversionHeaders } from './spec.js';
import { LATEST_MICROVERSION, parseMicroversion } from './version.js';

/**
 * The microversion options of a service client (`createBlockStorageClient(session, { … })`).
 * @example
 * ```ts
 * createBlockStorageClient(session, { microversion: '3.64' });              // sent as is
 * createBlockStorageClient(session, { microversion: '3.64', negotiate: true }); // 3.64, or the server's max if lower
 * ```
 */
export interface MicroversionClientOptions {
  /**
   * `"3.59"` or `"latest"`, sent with every request. Without it (and without `negotiate`) no header
   * is sent and the server uses its base version.
   */
  microversion?: string | undefined;
  /**
   * Negotiate once, before the first request that needs a version: read the version document and
   * use the highest version both sides support at or below `microversion` (default `latest`).
   */
  negotiate?: boolean | undefined;
}

/**
 * The microversion state of one client: what it was asked for, what negotiation settled on, and
 * the step every operation runs before its request ({@link Microversions.prepare}).
 * @example
 * ```ts
 * const mv = createMicroversions(VOLUME, { microversion: '3.59' });
 * const req = await mv.prepare(client, [{ field: 'withCount', since: '3.45' }], params, options);
 * await client.request('GET', 'volumes', { ...req, searchParams });
 * ```
 */
export interface Microversions {
  readonly spec: MicroversionSpec;
  /** The client's `microversion` option as given. */
  readonly requested: string | undefined;
  /** Whether the client negotiates. */
  readonly negotiate: boolean;
  /** The version the client's requests use, once known: the option, or the negotiated one. */
  readonly current: string | undefined;
  /**
   * The version of the client's calls, negotiating on first use when `negotiate` is set (once;
   * a failed negotiation is retried on the next call).
   */
  resolve(client: ServiceClient, signal?: AbortSignal): Promise<string | undefined>;
  /**
   * Runs before an operation's request: takes the call's version (`options.microversion`, else
   * the client's), checks `gates` against it with `params`, and returns the request options with
   * the microversion headers added. `since` gates are checked against the wanted version before
   * negotiation, so such a call fails without any request.
   */
  prepare(
    client: ServiceClient,
    gates: readonly MicroversionGate[],
    params: object | undefined,
    options: MicroversionRequestOptions | undefined,
  ): Promise<RequestOptions>;
}

/**
 * Creates the microversion state of a client; the options are checked here, so a bad
 * `microversion` fails when the client is created.
 * @throws ValidationError (field `microversion`) for a version that is neither `"3.59"`-like nor `latest`.
 * @example
 * ```ts
 * const mv = createMicroversions({ service: 'volume', base: '3.0' }, { microversion: 'latest' });
 * ```
 */
export function createMicroversions(
  spec: MicroversionSpec,
  options: MicroversionClientOptions = {},
): Microversions {
  const requested = options.microversion;
  if (requested !== undefined) parseMicroversion(requested, 'microversion');
  const negotiate = options.negotiate ?? false;
  let negotiated: Promise<string> | undefined;
  let settled: string | undefined;

  const resolve = async (client: ServiceClient, signal?: AbortSignal): Promise<string | undefined> => {
    if (!negotiate) return requested;
    if (!negotiated) {
      negotiated = negotiateMicroversion(client, spec, requested ?? LATEST_MICROVERSION, { signal });
      negotiated.then(
        (v) => {
          settled = v;
        },
        () => {
          negotiated = undefined;
        },
      );
    }
    return negotiated;
  };

  return {
    spec,
    requested,
    negotiate,
    get current() {
      return negotiate ? settled : requested;
    },
    resolve,
    async prepare(client, gates, params, callOptions = {}) {
      const { microversion, ...rest } = callOptions;
      let version: string | undefined;
      if (microversion !== undefined) {
        parseMicroversion(microversion, 'options.microversion');
        version = microversion;
      } else {
        // a `since` gate broken by the wanted version is broken by any negotiated one too
        if (negotiate)
          checkMicroversionGates(
            spec,
            requested ?? LATEST_MICROVERSION,
            gates.filter((g) => g.until === undefined),
            params,
          );
        version = await resolve(client, rest.signal);
      }
      checkMicroversionGates(spec, version, gates, params);
      const headers = microversionHeaders(spec, version);
      return Object.keys(headers).length === 0 ? rest : { ...rest, headers: { ...rest.headers, ...headers } };
    },
  };
}
