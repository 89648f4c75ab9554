export {
  createMicroversions,
  type MicroversionClientOptions,
  type Microversions,
} from './context.js';
export { type MicroversionNotSupportedDetails, MicroversionNotSupportedError } from './errors.js';
export { checkMicroversionGates, type MicroversionGate, microversionAtLeast } from './gates.js';
export {
  getApiVersion,
  listApiVersions,
  negotiateMicroversion,
  pickApiVersion,
  type ServiceApiVersion,
  selectMicroversion,
  versionRootUrl,
} from './negotiate.js';
export { type MicroversionRequestOptions, type MicroversionSpec, microversionHeaders } from './spec.js';
export {
  compareMicroversions,
  isMicroversion,
  LATEST_MICROVERSION,
  type ParsedMicroversion,
  parseMicroversion,
} from './version.js';
