// atomicWrite against the real file system and real processes: a reader never sees a
// partial file, a writer killed before its rename leaves the original intact, the mode
// and symlinks survive.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { atomicWrite } from '../../src/main/project/atomicWrite';

const repoRoot = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'taskdeck-atomic-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function freshDir(name: string): string {
  return mkdtempSync(join(temp, `${name}-`));
}

/** Bundles a small writer script that imports the real atomicWrite, for a child process. */
async function bundleWriter(name: string, body: string): Promise<string> {
  const entry = join(temp, `${name}.ts`);
  writeFileSync(entry, `import { atomicWrite } from ${JSON.stringify(join(repoRoot, 'src/main/project/atomicWrite.ts'))};\n${body}\n`);
  const outfile = join(temp, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
  return outfile;
}

describe('atomicWrite', () => {
  it('replaces the content, keeps the file mode and leaves no temp file', async () => {
    const dir = freshDir('mode');
    const file = join(dir, 'backlog.md');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    const result = await atomicWrite(file, 'new\n');
    expect(result.ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['backlog.md']);
  });

  it('writes through a symlink to the file it points at', async () => {
    const dir = freshDir('link');
    const real = join(dir, 'real.md');
    const link = join(dir, 'backlog.md');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    expect((await atomicWrite(link, 'new')).ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('leaves the target as it was when the last check refuses, and cleans its temp file', async () => {
    const dir = freshDir('refuse');
    const file = join(dir, 'backlog.md');
    writeFileSync(file, 'old');
    const result = await atomicWrite(file, 'new', { beforeRename: async () => ({ code: 'file-changed', message: 'changed' }) });
    expect(result).toEqual({ ok: false, error: { code: 'file-changed', message: 'changed' } });
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['backlog.md']);
  });

  it('reports a folder it cannot write to as an error value', async () => {
    const result = await atomicWrite(join(temp, 'no-such-folder', 'backlog.md'), 'x');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('write-failed');
      expect(result.error.message).toContain('no-such-folder');
    }
  });

  it('a writer killed after writing its temp file but before the rename leaves the original intact', async () => {
    const dir = freshDir('killed');
    const file = join(dir, 'backlog.md');
    const original = '# Backlog\n| B-1 | t | todo |\n';
    writeFileSync(file, original);
    const script = await bundleWriter(
      'stall-before-rename',
      `await atomicWrite(process.argv[2], 'NEW CONTENT', { beforeRename: async () => { process.stdout.write('ready\\n'); await new Promise(() => {}); return null; } });`,
    );
    const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && done()));
    // The new bytes are on disk, in the temp file, at this moment.
    const temps = readdirSync(dir).filter((name) => name !== 'backlog.md');
    expect(temps).toHaveLength(1);
    expect(readFileSync(join(dir, temps[0] ?? ''), 'utf8')).toBe('NEW CONTENT');
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('a reader polling while another process rewrites the file only ever sees whole versions', async () => {
    const dir = freshDir('poll');
    const file = join(dir, 'backlog.md');
    const size = 512 * 1024;
    writeFileSync(file, 'a'.repeat(size));
    const script = await bundleWriter(
      'flip-flop',
      `const [file, size] = [process.argv[2], Number(process.argv[3])];
for (let i = 0; ; i++) {
  const r = await atomicWrite(file, (i % 2 ? 'a' : 'b').repeat(size));
  if (!r.ok) { console.error(r.error.message); process.exit(1); }
  process.stdout.write('.');
}`,
    );
    const child = spawn(process.execPath, [script, file, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let writes = 0;
    child.stdout.on('data', (chunk: Buffer) => (writes += chunk.length));
    const seen = new Set<string>();
    while (writes < 40 || seen.size < 2) {
      const text = readFileSync(file, 'latin1');
      expect(text.length).toBe(size);
      const first = text[0] ?? '';
      expect(text === first.repeat(size)).toBe(true);
      seen.add(first);
      await new Promise((done) => setImmediate(done));
    }
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    const last = readFileSync(file, 'latin1');
    expect(last === 'a'.repeat(size) || last === 'b'.repeat(size)).toBe(true);
    expect([...seen].sort()).toEqual(['a', 'b']);
  });

  it('removes temp files of killed writers (writer gone, or older than a minute) on the next write, and keeps a live one', async () => {
    const dir = freshDir('stale-temps');
    const file = join(dir, 'backlog.md');
    writeFileSync(file, 'old');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const deadWriter = `.backlog.md.${gone}.aaaa1111.taskdeck-tmp`;
    const oldLive = `.backlog.md.${process.pid}.bbbb2222.taskdeck-tmp`;
    const freshLive = `.backlog.md.${process.ppid}.cccc3333.taskdeck-tmp`;
    const otherFile = `.notes.md.${gone}.dddd4444.taskdeck-tmp`;
    for (const name of [deadWriter, oldLive, freshLive, otherFile]) writeFileSync(join(dir, name), 'x'.repeat(1024));
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(join(dir, oldLive), twoMinutesAgo, twoMinutesAgo);
    expect((await atomicWrite(file, 'new')).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([freshLive, otherFile, 'backlog.md'].sort());
  });
});
