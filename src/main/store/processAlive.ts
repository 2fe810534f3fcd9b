// Whether a process id names a live process on this machine. Signal 0 checks existence
// without delivering anything; EPERM means it exists but belongs to another user. A
// zombie (exited, not yet reaped by its parent) counts as dead: it will never finish
// its attempt.
import fs from 'node:fs';

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    // Gone between the two checks.
    return true;
  }
}
