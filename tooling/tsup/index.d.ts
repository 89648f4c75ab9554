import type { Options } from 'tsup';
export declare const library: (overrides?: Options) => Options | Options[];
