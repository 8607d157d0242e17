// Types for check-fuses.mjs, which stays plain JavaScript so `npm run dist` runs it with node on any
// supported Node (22.12 does not strip TypeScript types by default).
export declare const FUSE_WIRE_INDEX: Readonly<Record<string, number>>;
export declare function fuseProblems(wanted: Record<string, unknown>, wire: Record<string | number, unknown>): string[];
export declare function packagedApps(releaseDir: string, productName: string): { binary: string; resources: string }[];
export declare function asarProblems(resources: string): string[];
export declare function checkPackagedFuses(root: string, say?: (line: string) => void): Promise<number>;
