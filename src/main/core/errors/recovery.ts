// The recovery action to take before retrying a failure, chosen per category. Pure: the
// engine carries the plan out (waits, reopens the store, deletes the listed files) and
// records the action and its outcome.
import path from 'node:path';
import { globFolder, matchesGlob } from './globPattern';
import { retryDelay, retryTimeout, type RetryStrategy } from './retry';
import type { ErrorCategory, RecoveryAction } from './types';

export type RecoveryPlan =
  | { action: 'wait-with-backoff'; delayMs: number }
  | { action: 'extend-timeout'; timeoutMs: number; delayMs: number }
  | { action: 'reopen-connection'; delayMs: number }
  | { action: 'clean-temp-files'; patterns: string[]; delayMs: number }
  | { action: 'record-path-and-suggest'; path: string | null; suggestion: string }
  | { action: 'none'; delayMs: number };

export const RECOVERY_BY_CATEGORY: Readonly<Record<ErrorCategory, RecoveryAction>> = {
  network: 'wait-with-backoff',
  timeout: 'extend-timeout',
  database: 'reopen-connection',
  file_system: 'clean-temp-files',
  permission: 'record-path-and-suggest',
  validation: 'none',
  execution: 'none',
  unknown: 'none',
};

/** Default temp-file patterns: only Taskdeck's own scratch folder, so nothing of the user's is deleted unless configured. */
export const DEFAULT_TEMP_PATTERNS: readonly string[] = ['.taskdeck/tmp/{task}/**'];

export interface RecoveryContext {
  category: ErrorCategory;
  message: string;
  taskId: string;
  strategy: RetryStrategy;
  /** 1 = the retry about to happen is the first. */
  retry: number;
  random: () => number;
  /** The timeout of the first attempt, ms; null when the task has none. */
  baseTimeoutMs: number | null;
  tempPatterns?: readonly string[];
}

export function planRecovery(ctx: RecoveryContext): RecoveryPlan {
  const delayMs = retryDelay(ctx.strategy, ctx.retry, ctx.random);
  switch (RECOVERY_BY_CATEGORY[ctx.category]) {
    case 'wait-with-backoff':
      return { action: 'wait-with-backoff', delayMs };
    case 'extend-timeout':
      return { action: 'extend-timeout', timeoutMs: retryTimeout(ctx.strategy, ctx.baseTimeoutMs ?? 60_000, ctx.retry), delayMs };
    case 'reopen-connection':
      return { action: 'reopen-connection', delayMs };
    case 'clean-temp-files':
      return { action: 'clean-temp-files', patterns: taskPatterns(ctx.tempPatterns ?? DEFAULT_TEMP_PATTERNS, ctx.taskId), delayMs };
    case 'record-path-and-suggest': {
      const p = pathInMessage(ctx.message);
      return { action: 'record-path-and-suggest', path: p, suggestion: permissionSuggestion(p) };
    }
    default:
      return { action: 'none', delayMs };
  }
}

/** `{task}` in a pattern stands for the task id, so a pattern can target one task's files. */
export function taskPatterns(patterns: readonly string[], taskId: string): string[] {
  const safeId = taskId.replace(/[^A-Za-z0-9._-]/g, '_');
  return patterns.map((p) => p.split('{task}').join(safeId));
}

/** The path a Node or shell error message names: `open '/x'`, `: /x: Permission denied`, ... */
export function pathInMessage(message: string): string | null {
  const quoted = /(?:open|mkdir|unlink|rmdir|scandir|rename|access|stat|lstat|copyfile|chmod|opendir|write|read|spawn)\s+'([^']+)'/.exec(message);
  if (quoted?.[1]) return quoted[1];
  const shell = /(?:^|:\s*)((?:\.{0,2}\/|[A-Za-z]:\\)[^\s:']+):\s*(?:Permission denied|Operation not permitted)/i.exec(message);
  if (shell?.[1]) return shell[1];
  const anyQuoted = /'((?:\/|\.\/|[A-Za-z]:\\)[^']+)'/.exec(message);
  return anyQuoted?.[1] ?? null;
}

export function permissionSuggestion(p: string | null): string {
  if (p === null) return 'Check which file or folder the task cannot access and its permissions (ls -l); Taskdeck never changes permissions itself.';
  return `Check the permissions of ${p} (ls -l "${p}"); if the task should write it and it is yours, grant access yourself (e.g. chmod u+rw "${p}"). Taskdeck never changes permissions itself.`;
}

/**
 * Which of the candidate files (paths relative to the project folder, forward slashes)
 * the clean-temp-files action may delete: those matching a pattern and staying inside
 * the project. Absolute paths, `..` segments and the run record itself are never matched.
 */
export function tempFilesToRemove(candidates: readonly string[], patterns: readonly string[]): string[] {
  return candidates.filter((c) => removable(c) && usable(patterns).some((p) => matchesGlob(c, p)));
}

/**
 * Which symbolic links (found without following them) the clean-temp-files action may
 * delete, as links: those a pattern matches, and a link standing where a pattern's folder
 * is (`scratch -> /elsewhere` for `scratch/**`): the folder to clean is the link, and the
 * link is what gets removed, never what it points at.
 */
export function tempLinksToRemove(links: readonly string[], patterns: readonly string[]): string[] {
  return links.filter((l) => removable(l) && usable(patterns).some((p) => matchesGlob(l, p) || globFolder(p) === l));
}

function usable(patterns: readonly string[]): string[] {
  return patterns.filter((p) => !p.includes('..') && !path.posix.isAbsolute(p) && namesSomething(p));
}

/**
 * A pattern made only of wildcards (`*`, `**`, `*.*` and the like) matches every file of the
 * project, sources included: it is a mistake, not a temp-file location, and matches nothing.
 */
function namesSomething(pattern: string): boolean {
  return /[^*?/.]/.test(pattern);
}

/** Folders of version control: their files are history, never temp files. */
const VCS_FOLDERS = new Set(['.git', '.hg', '.svn']);

/**
 * What the cleanup never deletes, whatever the patterns say: the run record and logs (all
 * of `.taskdeck/` except its scratch folder `.taskdeck/tmp/`), `taskdeck.json`, version
 * control folders, and Markdown files (the backlog is one, wherever it lives; a temp
 * file never is).
 */
function protectedPath(normal: string): boolean {
  const segments = normal.split('/');
  if (segments[0] === '.taskdeck') return !(segments[1] === 'tmp' && segments.length > 2); // its scratch folder is all temp
  if (normal === 'taskdeck.json') return true;
  if (segments.some((s) => VCS_FOLDERS.has(s))) return true;
  return /\.(md|markdown)$/i.test(normal);
}

function removable(c: string): boolean {
  const normal = path.posix.normalize(c);
  if (normal !== c || path.posix.isAbsolute(c) || /^[A-Za-z]:/.test(c)) return false;
  if (normal === '..' || normal.startsWith('../') || normal.split('/').includes('..')) return false;
  return !protectedPath(normal);
}
