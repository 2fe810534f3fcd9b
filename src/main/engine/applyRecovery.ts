// Carries out a recovery plan (chosen by the pure rules in core/errors) before a retry.
// Each action reports its outcome and a detail line the store records.
import { globFolder, tempFilesToRemove, tempLinksToRemove, type RecoveryPlan } from '../core/errors';
import { listInside, realRoot, removeInside } from '../project/safeRemoval';
import type { RecoveryOutcome, Store } from '../store/types';
import { noun, plural } from '../../shared/pluralise';

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

/**
 * Deletes files (and links, as links) matching the patterns, only inside the project and
 * never through a symlink: listing and removal go through the shared safe removal.
 */
function cleanTempFiles(projectDir: string, patterns: readonly string[]): RecoveryResult {
  let root: string;
  try {
    root = realRoot(projectDir);
  } catch (err) {
    return { outcome: 'failed', detail: `cannot resolve the project folder: ${(err as Error).message}` };
  }
  const files = new Set<string>();
  const links = new Set<string>();
  const notFollowed = new Set<string>();
  for (const pattern of patterns) {
    const start = globFolder(pattern);
    if (start.split('/').includes('..')) continue;
    const listing = listInside(root, start, MAX_FILES_SCANNED);
    for (const e of listing.entries) (e.kind === 'link' ? links : files).add(e.rel);
    for (const s of listing.skipped) notFollowed.add(s);
  }
  const doomed = [...tempFilesToRemove([...files], patterns), ...tempLinksToRemove([...links], patterns)];
  const removed: string[] = [];
  const failed: string[] = [];
  for (const rel of doomed) {
    const removal = removeInside(root, rel);
    if (removal.ok) {
      if (removal.kind !== 'gone') removed.push(removal.kind === 'link' ? `${rel} (link)` : rel);
    } else failed.push(removal.reason);
  }
  const detail =
    `removed ${plural(removed.length, 'temp file')} matching ${patterns.join(', ')}${removed.length ? `: ${removed.slice(0, 10).join(', ')}` : ''}` +
    `${notFollowed.size ? `; did not follow the symbolic ${noun(notFollowed.size, 'link')} ${[...notFollowed].join(', ')}` : ''}` +
    `${failed.length ? `; could not remove ${failed.join(', ')}` : ''}`;
  return { outcome: failed.length ? 'failed' : 'succeeded', detail };
}
