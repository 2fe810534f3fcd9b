// Carries out a recovery plan (chosen by the pure rules in core/errors) before a retry.
// Each action reports its outcome and a detail line the store records.
import { lstatSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { tempFilesToRemove, type RecoveryPlan } from '../core/errors';
import type { RecoveryOutcome, Store } from '../store/types';

export interface RecoveryResult {
  outcome: RecoveryOutcome;
  detail: string;
  /** Set by extend-timeout: the next attempt's timeout. */
  timeoutMs?: number;
}

const MAX_FILES_SCANNED = 20_000;

export function applyRecovery(plan: RecoveryPlan, projectDir: string, store: Store): RecoveryResult {
  switch (plan.action) {
    case 'wait-with-backoff':
      return { outcome: 'succeeded', detail: `waiting ${plan.delayMs} ms (backoff) before the retry` };
    case 'extend-timeout':
      return { outcome: 'succeeded', detail: `timeout extended to ${Math.round(plan.timeoutMs / 1000)} s for the retry`, timeoutMs: plan.timeoutMs };
    case 'reopen-connection': {
      const reopened = store.reopen();
      return reopened.ok
        ? { outcome: 'succeeded', detail: `reopened the run record ${store.file}` }
        : { outcome: 'failed', detail: `could not reopen ${store.file}: ${reopened.error.message}` };
    }
    case 'clean-temp-files':
      return cleanTempFiles(projectDir, plan.patterns);
    case 'record-path-and-suggest':
      return { outcome: 'skipped', detail: `${plan.path ? `path: ${plan.path}. ` : ''}${plan.suggestion}` };
    case 'none':
      return { outcome: 'skipped', detail: 'no recovery action for this category' };
  }
}

/** Deletes files matching the patterns, only inside the project and never through symlinks. */
function cleanTempFiles(projectDir: string, patterns: readonly string[]): RecoveryResult {
  let root: string;
  try {
    root = realpathSync(projectDir);
  } catch (err) {
    return { outcome: 'failed', detail: `cannot resolve the project folder: ${(err as Error).message}` };
  }
  const candidates: string[] = [];
  for (const pattern of patterns) {
    const start = staticPrefix(pattern);
    if (start.split('/').includes('..')) continue;
    walk(join(root, start), root, candidates);
  }
  const unique = [...new Set(candidates)];
  const doomed = tempFilesToRemove(unique, patterns);
  const removed: string[] = [];
  const failed: string[] = [];
  for (const rel of doomed) {
    try {
      unlinkSync(join(root, rel));
      removed.push(rel);
    } catch (err) {
      failed.push(`${rel} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const detail = `removed ${removed.length} temp file(s) matching ${patterns.join(', ')}${removed.length ? `: ${removed.slice(0, 10).join(', ')}` : ''}${failed.length ? `; could not remove ${failed.join(', ')}` : ''}`;
  return { outcome: failed.length ? 'failed' : 'succeeded', detail };
}

/** The folder part of a glob before its first wildcard segment. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (/[*?[{]/.test(s)) break;
    fixed.push(s);
  }
  return fixed.join('/');
}

function walk(dir: string, root: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (out.length >= MAX_FILES_SCANNED) return;
    const full = join(dir, name);
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) walk(full, root, out);
    else if (stat.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
}
