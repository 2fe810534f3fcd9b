export declare const SYSTEM_PATHS: readonly string[];
export declare const INSTALL_HINT: string;
export declare function findChromium(env?: NodeJS.ProcessEnv, systemPaths?: readonly string[]): { ok: true; path: string } | { ok: false; message: string };
export declare function chromiumPath(env?: NodeJS.ProcessEnv): string;
