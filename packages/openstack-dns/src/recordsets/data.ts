import { isIPv4, isIPv6 } from 'node:net';
import { ValidationError } from '@cloud/core';
import { requireFqdn } from '../internal/common.js';

const u16 = (v: unknown, field: string) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65_535)
    throw new ValidationError(`${field} must be an integer between 0 and 65535, got ${String(v)}`, field);
  return v;
};

/** A target host: fully qualified with its dot, or `.` (the null MX / SRV "no service"). */
const host = (v: unknown, field: string) => (v === '.' ? v : requireFqdn(v, field));

/**
 * The data of one MX record: `"<priority> <host>"`.
 * @example await createRecordset(dns, zoneId, { name: 'example.com.', type: 'MX', records: [mxRecordData(10, 'mail.example.com.')] });
 */
export function mxRecordData(priority: number, exchange: string): string {
  return `${u16(priority, 'priority')} ${host(exchange, 'exchange')}`;
}

/**
 * Fields of {@link srvRecordData}.
 * @example srvRecordData({ priority: 10, weight: 5, port: 5060, target: 'sip.example.com.' });
 */
export interface SrvRecordFields {
  priority: number;
  weight: number;
  port: number;
  /** Fully qualified with its dot, or `.` for "no service". */
  target: string;
}

/**
 * The data of one SRV record: `"<priority> <weight> <port> <target>"`. The recordset's name is
 * `_service._proto.name.`.
 * @example
 * ```ts
 * await createRecordset(dns, zoneId, { name: '_sip._tcp.example.com.', type: 'SRV',
 *   records: [srvRecordData({ priority: 10, weight: 5, port: 5060, target: 'sip.example.com.' })] });
 * ```
 */
export function srvRecordData(fields: SrvRecordFields): string {
  if (!fields || typeof fields !== 'object') throw new ValidationError('SRV fields are required', 'fields');
  return `${u16(fields.priority, 'priority')} ${u16(fields.weight, 'weight')} ${u16(fields.port, 'port')} ${host(fields.target, 'target')}`;
}

/**
 * The data of one TXT record from plain text: quoted, with `"` and `\` escaped, and split into
 * strings of at most 255 characters (DNS's limit per string), so any length of text fits.
 * Designate releases before 2023.2 (e.g. Zed) refuse a record longer than 255 characters in
 * all with a 400; newer ones accept the split form.
 * @example txtRecordData('v=spf1 include:_spf.example.com -all'); // '"v=spf1 include:_spf.example.com -all"'
 */
export function txtRecordData(text: string): string {
  if (typeof text !== 'string' || text.length === 0)
    throw new ValidationError('text must be a non-empty string', 'text');
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 255) chunks.push(text.slice(i, i + 255));
  return chunks.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(' ');
}

/**
 * Fields of {@link caaRecordData}.
 * @example caaRecordData({ flags: 0, tag: 'issue', value: 'letsencrypt.org' });
 */
export interface CaaRecordFields {
  /** 0, or 128 for "critical". */
  flags: number;
  /** `issue`, `issuewild` or `iodef` (others are accepted as RFC 8659 allows). */
  tag: string;
  value: string;
}

/**
 * The data of one CAA record: `<flags> <tag> <value>`.
 * @example await createRecordset(dns, zoneId, { name: 'example.com.', type: 'CAA', records: [caaRecordData({ flags: 0, tag: 'issue', value: 'letsencrypt.org' })] });
 */
export function caaRecordData(fields: CaaRecordFields): string {
  if (!fields || typeof fields !== 'object') throw new ValidationError('CAA fields are required', 'fields');
  const flags = fields.flags;
  if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || flags > 255)
    throw new ValidationError('flags must be an integer between 0 and 255', 'flags');
  if (typeof fields.tag !== 'string' || !/^[a-z0-9]{1,15}$/i.test(fields.tag))
    throw new ValidationError('tag must be 1 to 15 letters or digits, e.g. issue', 'tag');
  if (typeof fields.value !== 'string' || /["\s]/.test(fields.value) || fields.value.length > 255)
    throw new ValidationError('value must be a string without spaces or quotes', 'value');
  return `${flags} ${fields.tag} ${fields.value}`;
}

const TXT = /^(?:"(?:[^"\\]|\\.){0,255}"\s*)+$/;

/**
 * @internal Checks the data of each record against its type, so a mistake is a ValidationError
 * naming `records[i]` before any request. Unknown types are left to Designate.
 */
export function checkRecords(type: string, records: unknown): string[] {
  if (!Array.isArray(records) || records.length === 0)
    throw new ValidationError('records must be a non-empty array of record data', 'records');
  return records.map((r, i) => {
    const field = `records[${i}]`;
    if (typeof r !== 'string' || r.trim() === '')
      throw new ValidationError(`${field} must be a non-empty string`, field);
    const bad = (hint: string) => new ValidationError(`${field} ${hint}, got ${JSON.stringify(r)}`, field);
    switch (type) {
      case 'A':
        if (!isIPv4(r)) throw bad('must be an IPv4 address for an A record');
        break;
      case 'AAAA':
        if (!isIPv6(r)) throw bad('must be an IPv6 address for an AAAA record');
        break;
      case 'CNAME':
      case 'NS':
      case 'PTR':
        if (!r.endsWith('.')) throw bad(`must be a fully qualified name ending with a dot for ${type}`);
        requireFqdn(r, field);
        break;
      case 'MX': {
        const m = /^(\S+)\s+(\S+)$/.exec(r);
        if (!m || !/^\d+$/.test(m[1]!))
          throw bad('must be "<priority> <host>" (build it with mxRecordData), e.g. "10 mail.example.com."');
        u16(Number(m[1]), field);
        host(m[2], field);
        break;
      }
      case 'SRV': {
        const m = /^(\d+)\s+(\d+)\s+(\d+)\s+(\S+)$/.exec(r);
        if (!m) throw bad('must be "<priority> <weight> <port> <target>" (build it with srvRecordData)');
        for (const n of [m[1], m[2], m[3]]) u16(Number(n), field);
        host(m[4], field);
        break;
      }
      case 'TXT':
      case 'SPF':
        if (r.startsWith('"') ? !TXT.test(r) : /\s/.test(r) || r.length > 255)
          throw bad('must be quoted strings of at most 255 characters each (build it with txtRecordData)');
        break;
      case 'CAA':
        if (!/^\d{1,3}\s+[a-z0-9]{1,15}\s+\S.*$/i.test(r))
          throw bad('must be "<flags> <tag> <value>" (build it with caaRecordData)');
        break;
    }
    return r;
  });
}
