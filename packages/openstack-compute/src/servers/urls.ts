import { encodeSegment } from '@cloud/core/service';

export const serversPath = () => 'servers';
export const serversDetailPath = () => 'servers/detail';
export const serverPath = (id: string) => `servers/${encodeSegment(id)}`;
export const serverActionPath = (id: string) => `servers/${encodeSegment(id)}/action`;
export const serverIpsPath = (id: string) => `servers/${encodeSegment(id)}/ips`;
export const serverNetworkIpsPath = (id: string, network: string) =>
  `servers/${encodeSegment(id)}/ips/${encodeSegment(network)}`;
export const serverSecurityGroupsPath = (id: string) => `servers/${encodeSegment(id)}/os-security-groups`;
