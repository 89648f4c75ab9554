import type { MicroversionRequestOptions } from '@cloud/core';
import {
  checkMicroversionGates,
  LATEST_MICROVERSION,
  type MicroversionGate,
  parseMicroversion,
} from '@cloud/core/service';
import { COMPUTE_MICROVERSIONS, type ComputeClient } from '../client.js';

/**
 * Checks microversion gates (declared as data, see core's `MicroversionGate`) before any request,
 * against the version the call will use: `options.microversion`, else the client's option, else
 * the negotiated version. While a first negotiation is pending, `since` gates are checked against
 * the version asked for (a negotiated version is never newer) and `until` gates are left to the
 * server.
 * @internal
 */
export function checkComputeGates(
  client: ComputeClient,
  gates: readonly MicroversionGate[],
  params?: object,
  options?: MicroversionRequestOptions,
): void {
  const mv = client.microversions;
  if (options?.microversion !== undefined) {
    parseMicroversion(options.microversion, 'options.microversion');
    checkMicroversionGates(COMPUTE_MICROVERSIONS, options.microversion, gates, params);
  } else if (mv.negotiate && mv.current === undefined) {
    const since = gates.filter((g) => g.until === undefined);
    checkMicroversionGates(COMPUTE_MICROVERSIONS, mv.requested ?? LATEST_MICROVERSION, since, params);
  } else {
    checkMicroversionGates(COMPUTE_MICROVERSIONS, mv.current, gates, params);
  }
}

/**
 * {@link checkComputeGates} bound to one call, for the helpers that build a request body. `at`
 * names where `params` sit in the call's params (`blockDeviceMappings[0]`), so errors name
 * `blockDeviceMappings[0].tag`.
 * @internal
 */
export type GateCheck = (gates: readonly MicroversionGate[], params?: object, at?: string) => void;

/** Binds {@link checkComputeGates} to a client and a call's options. @internal */
export const gateCheck =
  (client: ComputeClient, options?: MicroversionRequestOptions): GateCheck =>
  (gates, params, at) => {
    if (at === undefined) return checkComputeGates(client, gates, params, options);
    const values = (params ?? {}) as Record<string, unknown>;
    const nested = gates.map((g) => ({ ...g, field: `${at}.${g.field}` }));
    const nestedValues = Object.fromEntries(gates.map((g) => [`${at}.${g.field}`, values[g.field]]));
    checkComputeGates(client, nested, nestedValues, options);
  };
