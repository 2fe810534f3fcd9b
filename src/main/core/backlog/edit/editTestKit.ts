// Helpers for the editor's tests: apply an edit to a backlog text through the real reader
// and compare the lines before and after.
import { parseBacklog } from '../parse';
import { applyEdit } from './applyEdit';
import type { BacklogEdit, EditError } from './types';

export function edited(text: string, edit: BacklogEdit): string {
  const result = applyEdit(text, parseBacklog(text), edit);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.text;
}

export function editFails(text: string, edit: BacklogEdit): EditError {
  const result = applyEdit(text, parseBacklog(text), edit);
  if (result.ok) throw new Error(`expected ${edit.kind} to fail, got: ${result.value.summary}`);
  return result.error;
}

/** Line pairs that differ, with their line endings, for texts with the same number of lines. */
export function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} -> ${b.length}`);
  const out: { line: number; before: string; after: string }[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push({ line: i + 1, before: a[i] ?? '', after: b[i] ?? '' });
  return out;
}

export function lf(lines: string[]): string {
  return lines.join('\n') + '\n';
}

export function crlf(lines: string[]): string {
  return lines.join('\r\n') + '\r\n';
}
