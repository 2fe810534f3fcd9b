// The Recent Projects list: most recent first, no duplicates, bounded. Pure; the
// state file stores the result (see app-state.ts).

export const MAX_RECENT_PROJECTS = 10;

/** Puts `dir` first, dropping an earlier entry for the same folder and the overflow. */
export function addRecentProject(recent: readonly string[], dir: string, max = MAX_RECENT_PROJECTS): string[] {
  const key = normalizeDir(dir);
  const rest = recent.filter((entry) => normalizeDir(entry) !== key);
  return [dir, ...rest].slice(0, Math.max(0, max));
}

/** Drops folders that no longer exist, so the menu never offers a dead entry. */
export function pruneRecentProjects(recent: readonly string[], exists: (dir: string) => boolean): string[] {
  return recent.filter((dir) => exists(dir));
}

export function removeRecentProject(recent: readonly string[], dir: string): string[] {
  const key = normalizeDir(dir);
  return recent.filter((entry) => normalizeDir(entry) !== key);
}

/** Trailing separators do not make a different folder. */
function normalizeDir(dir: string): string {
  const trimmed = dir.replace(/[\\/]+$/, '');
  return trimmed === '' ? dir : trimmed;
}

/** A short label for the menu: the folder name, then the parent to tell twins apart. */
export function recentProjectLabel(dir: string): string {
  const parts = normalizeDir(dir).split(/[\\/]/).filter((p) => p !== '');
  const name = parts.at(-1) ?? dir;
  const parent = parts.at(-2);
  return parent === undefined ? name : `${name} — ${parent}`;
}
