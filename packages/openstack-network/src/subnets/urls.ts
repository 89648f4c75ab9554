/** Collection path of subnets. @internal */
export const SUBNETS_PATH = 'subnets';
