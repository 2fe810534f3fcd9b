// A task's lines in the file, as the editor moves and scans them.
import type { TaskSource } from '../source';

/**
 * The lines that move with a task: its block, stretched to its last attached comment. A
 * row followed by a stray text line and then its comments (a badly wrapped row) has its
 * comments outside the reader's block; they still belong to the task and must travel.
 */
export function blockRange(src: TaskSource): { start: number; end: number } {
  let end = src.blockEnd;
  for (const range of Object.values(src.comments)) end = Math.max(end, range.end);
  return { start: src.blockStart, end };
}
