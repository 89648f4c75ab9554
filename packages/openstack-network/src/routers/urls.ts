import { encodeSegment } from '@cloud/core/service';

/** Collection path of routers. @internal */
export const ROUTERS_PATH = 'routers';
/** `routers/{id}/{action}` (add_router_interface, add_extraroutes…). @internal */
export const routerActionPath = (routerId: string, action: string): string =>
  `${ROUTERS_PATH}/${encodeSegment(routerId)}/${action}`;
