/** Collection path of ports. @internal */
export const PORTS_PATH = 'ports';
