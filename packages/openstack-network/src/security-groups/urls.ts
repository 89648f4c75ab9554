/** Collection path of security groups. @internal */
export const SECURITY_GROUPS_PATH = 'security-groups';
/** Collection path of security group rules. @internal */
export const SECURITY_GROUP_RULES_PATH = 'security-group-rules';
