// spawnCommand against real processes: output, protocol lines, environment, timeouts
// that kill a whole tree, cancel, a missing command, and 50 MB of output.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogWriter } from '../../src/main/engine/logWriter';
import { parseProtocolLine } from '../../src/main/engine/protocol';
import { spawnCommand } from '../../src/main/engine/spawnCommand';

const scripts = resolve(__dirname, '../../resources/sample-project/scripts');
const node = JSON.stringify(process.execPath);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-spawn-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Alive and not a zombie waiting for its new parent to reap it. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Starts `sleep 60` in a session of its own (setsid), holding our stdout, prints its pid,
 * and waits until it has really left the task's process group (field 5 of /proc/PID/stat).
 */
const LEAVE_GROUP = `setsid sleep 60 & h=$!; while [ "$(cut -d' ' -f5 /proc/$h/stat)" = "$(cut -d' ' -f5 /proc/$$/stat)" ]; do sleep 0.05; done; echo "holder=$h"`;

describe('spawnCommand', () => {
  it('streams output, parses progress lines split across chunks and passes the environment', async () => {
    const lines: string[] = [];
    const log = new LogWriter(join(dir, 'logs', 'r1.log'));
    const script = "process.stdout.write('::progress 4'); setTimeout(() => { process.stdout.write('0 half way\\n'); console.log(process.env.TASKDECK_TASK_ID); }, 50);";
    const run = spawnCommand({
      command: `${node} -e ${JSON.stringify(script)}`,
      cwd: dir,
      env: { ...process.env, TASKDECK_TASK_ID: 'B-007' },
      timeoutMs: 10_000,
      graceMs: 500,
      log,
      onLine: (_stream, line) => lines.push(line),
    });
    const result = await run.result;
    log.close();
    expect(result.exitCode).toBe(0);
    expect(lines.map(parseProtocolLine)[0]).toEqual({ kind: 'progress', percent: 40, message: 'half way' });
    expect(lines[1]).toBe('B-007');
    expect(readFileSync(join(dir, 'logs', 'r1.log'), 'utf8')).toContain('::progress 40 half way\nB-007\n');
  });

  it('kills the whole tree on timeout, including a grandchild that ignores SIGTERM', async () => {
    const run = spawnCommand({
      command: `${node} ${JSON.stringify(join(scripts, 'hang.mjs'))}`,
      cwd: dir,
      env: { ...process.env, TASKDECK_PROJECT_DIR: dir },
      // Long enough for hang.mjs to start its helper even on a busy machine.
      timeoutMs: 3000,
      graceMs: 500,
      log: null,
    });
    const result = await run.result;
    const grandchild = Number(readFileSync(join(dir, '.taskdeck', 'hang-grandchild.pid'), 'utf8'));
    expect(result.timedOut).toBe(true);
    expect(result.exitCode === null || result.exitCode !== 0).toBe(true);
    expect(grandchild).toBeGreaterThan(0);
    // The grandchild ignored SIGTERM, so only the group SIGKILL after the grace period ended it.
    expect(alive(grandchild)).toBe(false);
  });

  it('ends a timed-out attempt on time when a detached grandchild (setsid) keeps the output pipe open', async () => {
    // The grandchild leaves the group, so the kill cannot reach it, and it holds our
    // stdout for 60 s. Before the fix the attempt lasted until it exited.
    const run = spawnCommand({
      command: `${LEAVE_GROUP}; sleep 30`,
      cwd: dir,
      env: process.env,
      timeoutMs: 3000,
      graceMs: 500,
      log: null,
    });
    const result = await run.result;
    const holder = Number(/holder=(\d+)/.exec(result.tail)?.[1]);
    try {
      expect(result.timedOut).toBe(true);
      // Timeout 3 s + a short pipe grace; generous for a loaded machine, far below 60 s.
      expect(result.durationMs).toBeLessThan(30_000);
      expect(alive(holder)).toBe(true);
    } finally {
      if (holder > 0) process.kill(holder, 'SIGKILL');
    }
  }, 90_000);

  it('does not wait for a setsid daemon holding the pipe after the task itself exited', async () => {
    const run = spawnCommand({
      command: `${LEAVE_GROUP}; echo done`,
      cwd: dir,
      env: process.env,
      timeoutMs: 120_000,
      graceMs: 500,
      log: null,
    });
    const result = await run.result;
    const holder = Number(/holder=(\d+)/.exec(result.tail)?.[1]);
    try {
      expect(result.exitCode).toBe(0);
      expect(result.tail).toContain('done\n');
      expect(alive(holder)).toBe(true);
      expect(result.durationMs).toBeLessThan(30_000);
    } finally {
      if (holder > 0) process.kill(holder, 'SIGKILL');
    }
  }, 90_000);

  it('cancels a running command', async () => {
    const run = spawnCommand({ command: 'sleep 30', cwd: dir, env: process.env, timeoutMs: null, graceMs: 500, log: null });
    setTimeout(() => run.cancel(), 200);
    const result = await run.result;
    expect(result.cancelled).toBe(true);
    expect(result.signal).toBe('SIGTERM');
  });

  it('reports a command that does not exist with the shell\'s exit code 127 and message', async () => {
    const run = spawnCommand({ command: 'taskdeck-no-such-command --flag', cwd: dir, env: process.env, timeoutMs: 5000, graceMs: 500, log: null });
    const result = await run.result;
    expect(result.exitCode).toBe(127);
    expect(result.stderrTail).toMatch(/not found/);
  });

  it('keeps memory bounded on 50 MB of output while the log gets every byte', async () => {
    const log = new LogWriter(join(dir, 'big.log'));
    const script = "const line = 'x'.repeat(1023) + '\\n'; const chunk = line.repeat(1024); let n = 0; function go() { while (n < 50) { n += 1; if (!process.stdout.write(chunk)) { process.stdout.once('drain', go); return; } } } go();";
    const before = process.memoryUsage().rss;
    let seen = 0;
    const run = spawnCommand({
      command: `${node} -e ${JSON.stringify(script)}`,
      cwd: dir,
      env: process.env,
      timeoutMs: 60_000,
      graceMs: 500,
      log,
      onOutput: (_s, text) => {
        seen += text.length;
      },
    });
    const result = await run.result;
    log.close();
    expect(result.exitCode).toBe(0);
    expect(seen).toBe(50 * 1024 * 1024);
    expect(statSync(join(dir, 'big.log')).size).toBe(50 * 1024 * 1024);
    expect(result.tail.length).toBeLessThanOrEqual(16 * 1024);
    // Generous: the point is that 50 MB never sits in our heap at once.
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });
});
