import { object, optional, string, stringOrNumber } from '@cloud/core/service';

/**
 * A floating IP as the compute API shows it (`os-floating-ips`).
 * @example const { ip, instanceId } = await getFloatingIp(compute, fipId);
 */
export interface FloatingIp {
  id: string;
  /** The floating address. */
  ip: string;
  /** The fixed address it maps to, when associated. */
  fixedIp?: string | undefined;
  /** The server it is associated with. */
  instanceId?: string | undefined;
  pool?: string | undefined;
}

/** @internal wire shape */
export interface FloatingIpWire {
  id: string | number;
  ip: string;
  fixed_ip?: string | null;
  instance_id?: string | null;
  pool?: string | null;
}

/** @internal */
export const parseFloatingIp = (w: FloatingIpWire): FloatingIp => ({
  id: String(w.id),
  ip: w.ip,
  ...(w.fixed_ip ? { fixedIp: w.fixed_ip } : {}),
  ...(w.instance_id ? { instanceId: w.instance_id } : {}),
  ...(w.pool ? { pool: w.pool } : {}),
});

/** @internal */
export const FLOATING_IP = object<FloatingIpWire>({
  id: stringOrNumber,
  ip: string,
  fixed_ip: optional(string),
  instance_id: optional(string),
  pool: optional(string),
});
