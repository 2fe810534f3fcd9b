// Whether a process id names a live process on this machine. Signal 0 checks existence
// without delivering anything; EPERM means it exists but belongs to another user.
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}
