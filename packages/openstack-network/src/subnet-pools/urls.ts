/** Collection path of subnet pools. @internal */
export const SUBNET_POOLS_PATH = 'subnetpools';
