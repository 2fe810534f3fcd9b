// Undo for the structural edits: the smallest span of text that differs between the
// version before and after, and the edit that puts the old span back. Applied only onto
// the exact version the edit produced (the file editor checks the hash; this checks the span).
import type { BacklogEdit } from './types';

export function restoreTextEdit(id: string, before: string, after: string): BacklogEdit {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { kind: 'restoreText', id, from: start, to: after.length - tail, current: after.slice(start, after.length - tail), text: before.slice(start, before.length - tail) };
}

export function applyRestoreText(text: string, from: number, to: number, current: string, replacement: string): string | null {
  if (from < 0 || to < from || to > text.length || text.slice(from, to) !== current) return null;
  return text.slice(0, from) + replacement + text.slice(to);
}
