// The one way Taskdeck deletes on the user's disk: inside a given folder (the project),
// never through a symbolic link. Every path is taken from that folder one segment at a
// time with lstat: a link is an entry of its own (removing it removes the link, never
// what it points at), and a link in the middle of a path stops the walk. Just before an
// unlink, the real location of the entry's folder is checked to still be the one we
// walked, inside the folder. (Node has no unlinkat: a link swapped in between that check
// and the unlink, one system call later, is the remaining window.)
import { lstatSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import path from 'node:path';

export type EntryKind = 'file' | 'link';

export interface FoundEntry {
  /** Relative to the root, forward slashes. */
  rel: string;
  kind: EntryKind;
}

export type Removal = { ok: true; kind: EntryKind | 'gone' } | { ok: false; reason: string };

/** A safe relative path: no absolute path, no `..`, no empty or `.` segments. Null otherwise. */
export function safeSegments(rel: string): string[] | null {
  if (rel === '' || path.isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.includes('\0')) return null;
  const segments = rel.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.includes('..')) return null;
  return segments;
}

function kindOf(abs: string): 'file' | 'link' | 'dir' | 'other' | 'missing' {
  try {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) return 'link';
    if (st.isDirectory()) return 'dir';
    return st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** True when `inner` is `outer` or inside it (both real, absolute paths). */
function within(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Checks that every folder from the root down to the entry's parent is a real folder (no
 * link) and that the parent's real path is where the walk says it is, inside the root.
 */
function checkParents(rootReal: string, segments: readonly string[]): string | null {
  let current = rootReal;
  for (const segment of segments.slice(0, -1)) {
    current = path.join(current, segment);
    const kind = kindOf(current);
    if (kind === 'link') return `${path.relative(rootReal, current)} is a symbolic link; Taskdeck does not follow it`;
    if (kind !== 'dir') return `${path.relative(rootReal, current)} is not a folder`;
  }
  let real: string;
  try {
    real = realpathSync(current);
  } catch (err) {
    return `cannot resolve ${current}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`;
  }
  if (real !== current || !within(rootReal, real)) return `${current} resolves to ${real}, outside ${rootReal}`;
  return null;
}

/** The root's real path (the project folder may itself be reached through a link: that is the user's choice). */
export function realRoot(root: string): string {
  return realpathSync(root);
}

/**
 * Removes one file or symbolic link at `rel` under `rootReal` (a real path). A link is
 * removed as a link; folders are refused; a missing entry is fine (`gone`).
 */
export function removeInside(rootReal: string, rel: string): Removal {
  const segments = safeSegments(rel);
  if (!segments) return { ok: false, reason: `${rel} is not a path inside ${rootReal}` };
  const parents = checkParents(rootReal, segments);
  if (parents !== null) return { ok: false, reason: parents };
  const abs = path.join(rootReal, ...segments);
  const kind = kindOf(abs);
  if (kind === 'missing') return { ok: true, kind: 'gone' };
  if (kind === 'dir') return { ok: false, reason: `${rel} is a folder` };
  if (kind === 'other') return { ok: false, reason: `${rel} is not a regular file` };
  try {
    // unlink never follows the last segment: on a link it removes the link.
    unlinkSync(abs);
    return { ok: true, kind };
  } catch (err) {
    return { ok: false, reason: `${rel} (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

export interface Listing {
  entries: FoundEntry[];
  /** Links met on the way to `startRel` that were not followed. */
  skipped: string[];
}

/**
 * The files and links under `startRel` (a folder, or a file or link itself), without
 * following any link: a link is listed as an entry, never entered. Stops at `limit`.
 */
export function listInside(rootReal: string, startRel: string, limit: number): Listing {
  const entries: FoundEntry[] = [];
  const skipped: string[] = [];
  const segments = startRel === '' ? [] : safeSegments(startRel);
  if (segments === null) return { entries, skipped };
  let current = rootReal;
  for (let i = 0; i < segments.length; i++) {
    current = path.join(current, segments[i]!);
    const kind = kindOf(current);
    const rel = segments.slice(0, i + 1).join('/');
    if (kind === 'link') {
      // The folder to clean is itself a link: it is an entry (the caller decides whether
      // it matches). A link higher up is reported and never crossed.
      if (i === segments.length - 1) entries.push({ rel, kind: 'link' });
      else skipped.push(rel);
      return { entries, skipped };
    }
    if (kind === 'file' && i === segments.length - 1) {
      entries.push({ rel, kind: 'file' });
      return { entries, skipped };
    }
    if (kind !== 'dir') return { entries, skipped };
  }
  walk(current, rootReal, entries, limit);
  return { entries, skipped };
}

function walk(dir: string, rootReal: string, out: FoundEntry[], limit: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (out.length >= limit) return;
    const full = path.join(dir, name);
    const kind = kindOf(full);
    const rel = path.relative(rootReal, full).split(path.sep).join('/');
    if (kind === 'dir') walk(full, rootReal, out, limit);
    else if (kind === 'file' || kind === 'link') out.push({ rel, kind });
  }
}

/**
 * Removes a temp file this process made next to a target it writes (an export), where
 * the folder is the user's choice: the file (or a link planted in its place) goes, and
 * nothing is followed. Best effort: a failure leaves a stray temp file, nothing worse.
 */
export function removeOwnTemp(file: string): void {
  try {
    removeInside(realRoot(path.dirname(file)), path.basename(file));
  } catch {
    // The folder itself is gone or unreadable: there is nothing of ours left to remove.
  }
}
