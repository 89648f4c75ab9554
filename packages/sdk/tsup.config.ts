import { library } from '@cloud/tsup-config';

export default library({
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    swift: 'src/swift.ts',
    compute: 'src/compute.ts',
    databases: 'src/databases.ts',
    dns: 'src/dns.ts',
    'rackspace-dns': 'src/rackspace-dns.ts',
    providers: 'src/providers/index.ts',
  },
});
