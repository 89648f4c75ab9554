import { library } from '@cloud/tsup-config';

export default library();
