import { encodeSegment } from '@cloud/core/service';

export const securityGroupsPath = () => 'os-security-groups';
export const securityGroupPath = (id: string) => `os-security-groups/${encodeSegment(id)}`;
export const securityGroupRulesPath = () => 'os-security-group-rules';
export const securityGroupRulePath = (id: string) => `os-security-group-rules/${encodeSegment(id)}`;
