// Types of bin/dist.mjs for the TypeScript that imports it (the bench).
export declare const REPO_ROOT: string;
export declare const DIST_DIR: string;
export declare const STAMP_FILE: string;
export declare function sourceDigest(root?: string): string;
export declare function freshDist(
  rel: string,
  root?: string,
): { file: string } | { reason: string; file?: undefined };
export declare function launch(distRel: string, srcRel: string): Promise<void>;
