// The CLI's entry point. It turns on Node's compile cache before the rest of the CLI is
// loaded (a static import would be evaluated first), so from the second run on V8 reuses
// the compiled code of the bundle instead of compiling it again: that is most of what
// `taskdeck --help` costs after Node's own start. The cache lives in the OS temp folder,
// is keyed by each file's content (a rebuilt bundle is compiled afresh), and Node skips
// it when NODE_DISABLE_COMPILE_CACHE is set; a cache that cannot be opened only costs speed.
import { enableCompileCache } from 'node:module';

try {
  enableCompileCache?.();
} catch {
  // A read-only temp folder: run without the cache.
}

await import('./index');
