// Types of bin/node-flags.mjs for the TypeScript that imports it (the bench, tests).
export declare const NODE_FLAGS: readonly string[];
