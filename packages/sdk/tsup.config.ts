import { library } from '@cloud/tsup-config';

export default library({
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    swift: 'src/swift.ts',
    compute: 'src/compute.ts',
    'block-storage': 'src/block-storage.ts',
    databases: 'src/databases.ts',
    image: 'src/image.ts',
    network: 'src/network.ts',
    dns: 'src/dns.ts',
    'rackspace-dns': 'src/rackspace-dns.ts',
    'rackspace-load-balancers': 'src/rackspace-load-balancers.ts',
    'load-balancer': 'src/load-balancer.ts',
    providers: 'src/providers/index.ts',
  },
});
