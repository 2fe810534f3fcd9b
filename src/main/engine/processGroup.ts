import { readdirSync, readFileSync } from 'node:fs';
// Killing a task means killing everything it started. Each task runs as the leader of
// its own process group (spawned detached), so one signal to -pgid reaches the shell,
// the command and every grandchild that did not leave the group on purpose.

/** Sends a signal to a whole process group; false when the group is already gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (err) {
    if (isErrno(err) && err.code === 'ESRCH') return false;
    throw err;
  }
}

/**
 * True while any process of the group is still running. Zombies do not count: an orphan
 * that died waits for init to reap it, and some container inits reap only every second
 * or so; it can no longer do anything, so the group is dead for our purposes.
 */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    return isErrno(err) && err.code === 'EPERM';
  }
  return process.platform !== 'linux' || hasLiveMember(pgid);
}

function hasLiveMember(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return true;
  }
  for (const entry of entries) {
    if (entry.charCodeAt(0) < 48 || entry.charCodeAt(0) > 57) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name: state, ppid, pgrp, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
    } catch {
      // The process ended while we looked.
    }
  }
  return false;
}

/**
 * SIGTERM to the group, then SIGKILL to whatever is left after graceMs. Resolves once no
 * member is running any more (or, should SIGKILL itself not take, after another graceMs).
 */
export function terminateGroup(pgid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return Promise.resolve();
  return new Promise((resolve) => {
    const started = Date.now();
    let killed = false;
    const poll = setInterval(() => {
      const elapsed = Date.now() - started;
      if (!groupAlive(pgid) || elapsed >= 2 * graceMs + 1000) {
        clearInterval(poll);
        resolve();
      } else if (!killed && elapsed >= graceMs) {
        killed = true;
        signalGroup(pgid, 'SIGKILL');
      }
    }, 25);
  });
}

export function isErrno(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}
