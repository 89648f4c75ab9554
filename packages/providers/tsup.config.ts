import { library } from '@cloud/tsup-config';

export default library({
  entry: { index: 'src/index.ts', conformance: 'src/conformance/index.ts' },
});
