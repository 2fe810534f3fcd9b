// Runs the built CLI (out/cli/taskdeck.js, built by globalSetup-cli.ts) as a real process
// on temp copies of the sample project and corpus files.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'out', 'cli', 'taskdeck.js');
export const sampleProject = join(repoRoot, 'resources', 'sample-project');
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'ai-dev-tasks');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const temps: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-cli-'));
  temps.push(dir);
  return dir;
}

export async function removeTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A fresh copy of resources/sample-project (without its scripts' outputs). */
export async function copySample(): Promise<string> {
  const dir = await tempDir();
  await cp(sampleProject, dir, { recursive: true, filter: (src) => !/[\\/](out|\.taskdeck)([\\/]|$)/.test(src.slice(sampleProject.length)) });
  return dir;
}

export async function corpusFiles(): Promise<string[]> {
  return (await readdir(corpusDir)).filter((f) => f.endsWith('.md')).sort();
}

/** Lines that differ between two texts of the same line count: [index, before, after]. */
export function changedLines(before: string, after: string): [number, string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} -> ${b.length}`);
  const out: [number, string, string][] = [];
  a.forEach((line, i) => {
    if (line !== b[i]) out.push([i + 1, line, b[i]!]);
  });
  return out;
}
