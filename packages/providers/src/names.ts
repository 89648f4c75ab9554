/**
 * Which cloud a provider-neutral client talks to. `openstack` and `rackspace` are served by
 * `@cloud/sdk/providers`, `amazon` by `@cloud/provider-amazon`, `azure` by `@cloud/provider-azure`.
 */
export type ProviderName = 'openstack' | 'rackspace' | 'amazon' | 'azure';
