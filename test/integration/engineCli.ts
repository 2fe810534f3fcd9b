// Runs the built CLI (out/cli/taskdeck.js, made by `npm run build:cli`) as a child
// process on Node 24, for the engine's process-level tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './engineFixture';

export const cliPath = join(repoRoot, 'out', 'cli', 'taskdeck.js');

export function assertBuilt(): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build:cli first`);
}

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: string | null }>;
  /** Largest VmHWM (kB) of the CLI process seen while it ran (sampled every 20 ms). */
  peakRssKb: () => number;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): CliRun {
  const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let peak = 0;
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const sampler = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch {
      // Gone already.
    }
  }, 20);
  const done = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      resolve({ code, signal });
    });
  });
  return { child, stdout: () => out, stderr: () => err, done, peakRssKb: () => peak };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; peakRssKb: number }> {
  const run = startCli(args, env);
  const { code } = await run.done;
  return { code, stdout: run.stdout(), stderr: run.stderr(), peakRssKb: run.peakRssKb() };
}

export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
