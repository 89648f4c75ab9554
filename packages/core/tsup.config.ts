import { library } from '@cloud/tsup-config';

export default library({ entry: ['src/index.ts', 'src/service.ts'] });
