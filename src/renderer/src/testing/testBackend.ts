// The renderer's view of test/e2e/support/testBackend.ts: a real backend behind the web
// host. Imported by path at run time, so the web TypeScript project never compiles the
// Node code; this interface is what the tests rely on.
export interface TestBackend {
  url: string;
  token: string;
  dir: string;
  read(name: string): string;
  write(name: string, text: string): void;
  close(): Promise<void>;
}

const modulePath = '../../../../test/e2e/support/testBackend.ts';

export async function startTestBackend(options: { sample?: boolean } = {}): Promise<TestBackend> {
  const mod = (await import(/* @vite-ignore */ modulePath)) as { startTestBackend(o: { sample?: boolean }): Promise<TestBackend> };
  return mod.startTestBackend(options);
}
