import { library } from '@cloud/tsup-config';

export default library({
  entry: { index: 'src/index.ts', storage: 'src/storage/index.ts' },
  // The Azure SDK stays a dependency of the user's install, never copied into our dist.
  external: [/^@azure\//],
});
