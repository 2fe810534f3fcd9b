// What a CLI start costs before any work: `taskdeck --help` must not load what only some
// commands use (child processes, the network stack, the parser), and the compile cache
// must be on so a second start reuses V8's compiled code. Checked by the modules Node
// reports loaded, not by timing (the machine's load would make a timed test flaky).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, removeTemps, tempDir } from './cliHarness';

afterAll(removeTemps);

/** Runs the built CLI with a preload that writes, at exit, the modules loaded and the compile cache folder. */
async function startupReport(args: string[], env: NodeJS.ProcessEnv = {}) {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const preload = join(dir, 'report.cjs');
  await writeFile(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ modules: process.moduleLoadList, cacheDir: require('node:module').getCompileCacheDir() ?? null })));\n`,
  );
  const cacheRoot = await mkdtemp(join(tmpdir(), 'taskdeck-ncc-'));
  const r = spawnSync(process.execPath, ['-r', preload, cliPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, TMPDIR: cacheRoot, ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, cacheRoot, ...(JSON.parse(await readFile(report, 'utf8')) as { modules: string[]; cacheDir: string | null }) };
}

describe('CLI start-up', () => {
  it('--help loads no child-process, datagram, file-promise or parser modules', async () => {
    const r = await startupReport(['--help']);
    expect(r.stdout).toContain('Usage: taskdeck');
    const loaded = new Set(r.modules);
    // node:util comes in with its diff and colour modules; commander only needs one of its
    // functions. Output to a pipe (as here) goes straight to the descriptor: Node's stream
    // modules (and net) never load.
    for (const heavy of ['NativeModule child_process', 'NativeModule dgram', 'NativeModule internal/fs/promises', 'NativeModule internal/util/diff', 'NativeModule internal/util/colors', 'NativeModule stream', 'NativeModule net']) {
      expect(loaded.has(heavy), heavy).toBe(false);
    }
    // The parser and zod live in chunks only the commands that need them import.
    expect(r.modules.some((m) => /zod|parse/i.test(m) && !m.includes('parse_args'))).toBe(false);
  });

  it('list --json answered from the parse cache loads neither node:crypto nor SQLite, and prints what a parse prints', async () => {
    const dir = await tempDir();
    const rows = ['| ID | Title | P | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
    for (let i = 1; i <= 3000; i++) rows.push(`| T-${i} | Task number ${i} with a long enough title | P2 | 1 | todo | ${i > 1 ? `T-${i - 1}` : 'None'} |`);
    await writeFile(join(dir, 'backlog.md'), `# Plan\n\n${rows.join('\n')}\n`);
    const parsed = await startupReport(['list', '--json', '--project', dir]);
    const cached = await startupReport(['list', '--json', '--project', dir]);
    expect(cached.stdout).toBe(parsed.stdout);
    expect(JSON.parse(cached.stdout).tasks).toHaveLength(3000);
    for (const heavy of ['NativeModule crypto', 'NativeModule internal/crypto/hash', 'NativeModule stream']) expect(cached.modules.includes(heavy), heavy).toBe(false);
    expect(cached.modules.some((m) => /sqlite/i.test(m))).toBe(false);
  });

  it("turns on Node's compile cache in the OS temp folder, unless NODE_DISABLE_COMPILE_CACHE is set", async () => {
    const on = await startupReport(['--version']);
    expect(on.cacheDir).not.toBeNull();
    expect(on.cacheDir!.startsWith(on.cacheRoot)).toBe(true);
    const off = await startupReport(['--version'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off.cacheDir).toBeNull();
  });
});
