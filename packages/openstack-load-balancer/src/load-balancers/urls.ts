/** Collection path of load balancers, below the `v2` root. @internal */
export const LOAD_BALANCERS_PATH = 'lbaas/loadbalancers';
