/** Collection path of networks. @internal */
export const NETWORKS_PATH = 'networks';
