import {
  createSession,
  fromPassword,
  fromRackspaceApiKey,
  RACKSPACE_AUTH_URL,
  type Session,
  ValidationError,
} from '@cloud/core';
import type {
  OpenStackProviderOptions,
  ProviderConnectionOptions,
  ProviderName,
  RackspaceProviderOptions,
} from './options.js';

/** A session plus what a provider client needs to know about where it points. @internal */
export interface ProviderContext {
  provider: ProviderName;
  session: Session;
  region: string | undefined;
  interface: string | undefined;
}

const transportOptions = (o: ProviderConnectionOptions) => ({
  region: o.region,
  interface: o.interface,
  retry: o.retry,
  timeout: o.timeout,
  logger: o.logger,
  userAgent: o.userAgent,
});

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Builds the session of a Rackspace client. Checks the credentials before any request. @internal */
export function rackspaceContext(options: RackspaceProviderOptions): ProviderContext {
  const o = options ?? {};
  const ctx = { provider: 'rackspace' as const, region: o.region, interface: o.interface };
  if (o.session) return { ...ctx, session: o.session };
  if (!nonEmpty(o.username)) throw new ValidationError('Rackspace: username is required', 'username');
  const authUrl = o.authUrl ?? RACKSPACE_AUTH_URL;
  let credentials: ReturnType<typeof fromPassword>;
  if (nonEmpty(o.apiKey)) {
    credentials = fromRackspaceApiKey({
      username: o.username,
      apiKey: o.apiKey,
      authUrl,
      tenantId: o.tenantId,
    });
  } else if (nonEmpty(o.password)) {
    credentials = fromPassword({
      authUrl,
      username: o.username,
      password: o.password,
      tenantId: o.tenantId,
      identityApiVersion: '2.0',
    });
  } else {
    throw new ValidationError('Rackspace: apiKey or password is required', 'apiKey');
  }
  return { ...ctx, session: createSession({ credentials, ...transportOptions(o) }) };
}

/** Builds the session of an OpenStack client. Checks the credentials before any request. @internal */
export function openstackContext(options: OpenStackProviderOptions): ProviderContext {
  const o = options ?? {};
  const ctx = { provider: 'openstack' as const, region: o.region, interface: o.interface };
  if (o.session) return { ...ctx, session: o.session };
  if (!nonEmpty(o.authUrl)) throw new ValidationError('OpenStack: authUrl is required', 'authUrl');
  if (!nonEmpty(o.username)) throw new ValidationError('OpenStack: username is required', 'username');
  if (!nonEmpty(o.password)) throw new ValidationError('OpenStack: password is required', 'password');
  const credentials = fromPassword({
    authUrl: o.authUrl,
    username: o.username,
    password: o.password,
    projectName: o.projectName,
    projectId: o.projectId,
    userDomainName: o.userDomainName ?? o.domainName,
    projectDomainName: o.projectDomainName ?? o.domainName,
  });
  return { ...ctx, session: createSession({ credentials, ...transportOptions(o) }) };
}
