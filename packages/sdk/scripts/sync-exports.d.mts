/** One exported name of a module. */
export interface ExportEntry {
  name: string;
  typeOnly: boolean;
}
/** A package the umbrella re-exports. */
export interface ExportSource {
  pkg: string;
  dir: string;
  file: string;
  title: string;
}
export declare const SDK_ROOT: string;
export declare const SOURCES: ExportSource[];
export declare function readExports(file: string): ExportEntry[];
export declare function collectExports(): (ExportSource & { exports: ExportEntry[] })[];
export declare function findCollisions(
  all: (ExportSource & { exports: ExportEntry[] })[],
): { name: string; pkgs: string[] }[];
