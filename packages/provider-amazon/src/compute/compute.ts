import {
  type _InstanceType,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  type DescribeInstancesCommandOutput,
  DescribeInstanceTypesCommand,
  type DescribeInstanceTypesCommandOutput,
  EC2Client,
  type Image,
  type Instance,
  type InstanceTypeInfo,
  RebootInstancesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { NotFoundError, type RequestOptions, ValidationError } from '@cloud/core';
import { poll } from '@cloud/core/service';
import type {
  ProviderComputeClient,
  ProviderFlavor,
  ProviderImage,
  ProviderRef,
  ProviderServer,
  ProviderServerStatus,
} from '@cloud/providers';
import { aws } from '../errors.js';
import { type AmazonProviderOptions, clientConfig } from '../options.js';

/** Options of {@link amazonCompute}. */
export interface AmazonComputeOptions extends AmazonProviderOptions {
  /** An existing EC2 client to use instead of building one from the options above. */
  client?: EC2Client | undefined;
  /**
   * Whose AMIs `getImages` lists (EC2 `Owners`): default `['self']`, because every public AMI of
   * a region is a listing of well over 100,000 images. E.g. `['self', 'amazon']`.
   */
  imageOwners?: string[] | undefined;
}

/** The neutral compute client on EC2. */
export type AmazonCompute = ProviderComputeClient<EC2Client>;

/** pkgcloud's mapping of the EC2 instance states (`Instance.State.Name`). */
const STATES: Record<string, ProviderServerStatus> = {
  pending: 'PROVISIONING',
  running: 'RUNNING',
  stopping: 'STOPPED',
  stopped: 'STOPPED',
  'shutting-down': 'DELETED',
  terminated: 'DELETED',
};

/**
 * Maps an EC2 instance state to the neutral status: `pending` → `PROVISIONING`, `running` →
 * `RUNNING`, `stopping`/`stopped` → `STOPPED`, `shutting-down`/`terminated` → `DELETED`,
 * anything else → `UNKNOWN`.
 * @example
 * ```ts
 * normalizeEc2State('pending'); // 'PROVISIONING'
 * ```
 */
export const normalizeEc2State = (state: string | undefined): ProviderServerStatus =>
  STATES[(state ?? '').toLowerCase()] ?? 'UNKNOWN';

const refId = (ref: ProviderRef | undefined, field: string): string => {
  const id = typeof ref === 'string' ? ref : ref?.id;
  if (typeof id !== 'string' || id === '') {
    throw new ValidationError(`${field} must be an id or an object with an id`, field);
  }
  return id;
};

const idOf = (id: unknown, field = 'id'): string => {
  if (typeof id !== 'string' || id === '')
    throw new ValidationError(`${field} must be a non-empty string`, field);
  return id;
};

const send = (options?: RequestOptions) => (options?.signal ? { abortSignal: options.signal } : undefined);

const toServer = (i: Instance): ProviderServer => {
  const tags = Object.fromEntries((i.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  const { Name: name = '', ...metadata } = tags;
  const publicIps = [
    i.PublicIpAddress,
    ...(i.NetworkInterfaces ?? []).flatMap((n) => (n.Ipv6Addresses ?? []).map((a) => a.Ipv6Address)),
  ];
  return {
    provider: 'amazon',
    id: i.InstanceId ?? '',
    name,
    status: normalizeEc2State(i.State?.Name),
    providerStatus: i.State?.Name ?? '',
    flavorId: i.InstanceType,
    imageId: i.ImageId,
    addresses: {
      public: [...new Set(publicIps.filter((a): a is string => !!a))],
      private: i.PrivateIpAddress ? [i.PrivateIpAddress] : [],
    },
    metadata,
    created: i.LaunchTime,
  };
};

const toFlavor = (t: InstanceTypeInfo): ProviderFlavor => ({
  provider: 'amazon',
  id: t.InstanceType ?? '',
  name: t.InstanceType ?? '',
  ram: t.MemoryInfo?.SizeInMiB ?? 0,
  disk: t.InstanceStorageInfo?.TotalSizeInGB ?? 0,
  vcpus: t.VCpuInfo?.DefaultVCpus ?? 0,
});

const toImage = (i: Image): ProviderImage => ({
  provider: 'amazon',
  id: i.ImageId ?? '',
  name: i.Name ?? '',
  status: (i.State ?? '').toUpperCase() === 'AVAILABLE' ? 'ACTIVE' : (i.State ?? '').toUpperCase(),
  created: i.CreationDate ? new Date(i.CreationDate) : undefined,
});

const AWAITABLE: readonly ProviderServerStatus[] = ['RUNNING', 'STOPPED', 'ERROR'];

/**
 * A provider-neutral compute client for Amazon EC2: servers are instances, flavors are instance
 * types, images are AMIs. `rebootServer` reboots the same way for `SOFT` and `HARD` (EC2 has one
 * reboot); `adminPass` is not supported (use `keyName`).
 * @example
 * ```ts
 * const compute = amazonCompute({ region: 'us-east-1', imageOwners: ['self', 'amazon'] });
 * const server = await compute.createServer({ name: 'web-1', flavor: 't3.micro', image: 'ami-0abc...' });
 * await compute.waitForServer(server.id);
 * ```
 */
export function amazonCompute(options: AmazonComputeOptions = {}): AmazonCompute {
  const o = options ?? {};
  const ec2 = o.client ?? new EC2Client(clientConfig(o));
  const owners = o.imageOwners ?? ['self'];

  async function describe(id: string, options?: RequestOptions): Promise<ProviderServer> {
    const out = await aws({ method: 'POST', url: `ec2:DescribeInstances/${id}` }, () =>
      ec2.send(new DescribeInstancesCommand({ InstanceIds: [idOf(id)] }), send(options)),
    );
    const instance = out.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === id);
    if (!instance) {
      throw new NotFoundError(`no server ${id}`, {
        status: 404,
        method: 'POST',
        url: 'ec2:DescribeInstances',
      });
    }
    return toServer(instance);
  }

  return {
    provider: 'amazon',
    client: ec2,
    async createServer(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      if (typeof params.name !== 'string' || params.name === '')
        throw new ValidationError('name is required', 'name');
      const flavor = refId(params.flavor, 'flavor');
      const image = refId(params.image, 'image');
      if (params.adminPass !== undefined) {
        throw new ValidationError('EC2 does not set root passwords; give keyName instead', 'adminPass');
      }
      if ((params.networks?.length ?? 0) > 1) {
        throw new ValidationError('EC2 takes one subnet id in networks', 'networks');
      }
      const tags = Object.entries({ ...params.metadata, Name: params.name }).map(([Key, Value]) => ({
        Key,
        Value,
      }));
      const out = await aws({ method: 'POST', url: 'ec2:RunInstances' }, () =>
        ec2.send(
          new RunInstancesCommand({
            ImageId: image,
            InstanceType: flavor as _InstanceType,
            MinCount: 1,
            MaxCount: 1,
            KeyName: params.keyName,
            UserData:
              params.userData === undefined ? undefined : Buffer.from(params.userData).toString('base64'),
            SubnetId: params.networks?.[0],
            TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
          }),
          send(options),
        ),
      );
      const instance = out.Instances?.[0];
      if (!instance?.InstanceId) {
        throw new NotFoundError('RunInstances returned no instance', {
          status: 200,
          method: 'POST',
          url: 'ec2:RunInstances',
        });
      }
      return toServer(instance);
    },
    async getServers(options) {
      const servers: ProviderServer[] = [];
      let NextToken: string | undefined;
      do {
        const page: DescribeInstancesCommandOutput = await aws(
          { method: 'POST', url: 'ec2:DescribeInstances' },
          () => ec2.send(new DescribeInstancesCommand({ NextToken }), send(options)),
        );
        for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) servers.push(toServer(i));
        NextToken = page.NextToken;
      } while (NextToken);
      return servers;
    },
    async getServer(id, options) {
      return describe(idOf(id), options);
    },
    async destroyServer(id, options) {
      await aws({ method: 'POST', url: `ec2:TerminateInstances/${id}` }, () =>
        ec2.send(new TerminateInstancesCommand({ InstanceIds: [idOf(id)] }), send(options)),
      );
    },
    async rebootServer(id, _params, options) {
      await aws({ method: 'POST', url: `ec2:RebootInstances/${id}` }, () =>
        ec2.send(new RebootInstancesCommand({ InstanceIds: [idOf(id)] }), send(options)),
      );
    },
    async waitForServer(id, options = {}) {
      const { status = 'RUNNING', ...waiter } = options;
      if (!AWAITABLE.includes(status)) {
        throw new ValidationError(`status must be one of ${AWAITABLE.join(', ')}`, 'status');
      }
      idOf(id);
      return poll({
        ...waiter,
        description: `server ${id} to become ${status}`,
        fetch: (signal) => describe(id, { signal }),
        done: (s) => s.status === status,
        failure: (s) => (s.status === 'DELETED' ? `server ${id} is ${s.providerStatus}` : undefined),
      });
    },
    async getFlavors(options) {
      const flavors: ProviderFlavor[] = [];
      let NextToken: string | undefined;
      do {
        const page: DescribeInstanceTypesCommandOutput = await aws(
          { method: 'POST', url: 'ec2:DescribeInstanceTypes' },
          () => ec2.send(new DescribeInstanceTypesCommand({ NextToken }), send(options)),
        );
        flavors.push(...(page.InstanceTypes ?? []).map(toFlavor));
        NextToken = page.NextToken;
      } while (NextToken);
      return flavors.sort((a, b) => a.id.localeCompare(b.id));
    },
    async getFlavor(id, options) {
      const out = await aws({ method: 'POST', url: `ec2:DescribeInstanceTypes/${id}` }, () =>
        ec2.send(
          new DescribeInstanceTypesCommand({ InstanceTypes: [idOf(id) as _InstanceType] }),
          send(options),
        ),
      );
      const found = out.InstanceTypes?.find((t) => t.InstanceType === id);
      if (!found) {
        throw new NotFoundError(`no flavor ${id}`, {
          status: 404,
          method: 'POST',
          url: 'ec2:DescribeInstanceTypes',
        });
      }
      return toFlavor(found);
    },
    async getImages(options) {
      const out = await aws({ method: 'POST', url: 'ec2:DescribeImages' }, () =>
        ec2.send(new DescribeImagesCommand({ Owners: owners }), send(options)),
      );
      return (out.Images ?? []).map(toImage);
    },
    async getImage(id, options) {
      const out = await aws({ method: 'POST', url: `ec2:DescribeImages/${id}` }, () =>
        ec2.send(new DescribeImagesCommand({ ImageIds: [idOf(id)] }), send(options)),
      );
      const found = out.Images?.find((i) => i.ImageId === id);
      if (!found)
        throw new NotFoundError(`no image ${id}`, { status: 404, method: 'POST', url: 'ec2:DescribeImages' });
      return toImage(found);
    },
  };
}
