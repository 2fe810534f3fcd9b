// First pass over the lines: which lines are front matter, fenced code or HTML comments
// (none of which define tasks), and the text of every comment. A line scanner, not an AST.

import type { Diagnostic } from '../../../shared/backlog';
import { CommentSpans } from './commentSpans';
import { indentOf } from './lines';

export const LineKind = { Text: 0, FrontMatter: 1, Fence: 2, Comment: 3 } as const;

export interface ScanResult {
  kinds: Uint8Array;
  /** In document order; a line may hold several comments. */
  comments: CommentSpans;
  frontMatter: string | null;
  diagnostics: Diagnostic[];
}

const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;

export function scanLines(lines: string[]): ScanResult {
  const kinds = new Uint8Array(lines.length);
  const comments = new CommentSpans(lines);
  const diagnostics: Diagnostic[] = [];
  const frontMatter = readFrontMatter(lines, kinds);
  const closers = new CloserSearch(lines);

  let i = frontMatter === null ? 0 : frontMatter.end;
  while (i < lines.length) {
    const line = lines[i];
    const at = indentOf(line);
    const c = line.charCodeAt(at);
    if (c === 60 /* < */ && line.startsWith('<!--', at)) {
      i = readComments(lines, i, at, kinds, comments, diagnostics, closers);
      continue;
    }
    if (c === 96 /* ` */ || c === 126 /* ~ */) {
      const m = FENCE_OPEN.exec(line);
      if (m !== null && !(c === 96 && line.indexOf('`', at + m[1].length) !== -1)) {
        const end = closers.fenceClose(i, m[1]);
        if (end === -1) {
          diagnostics.push({
            severity: 'warning',
            code: 'unterminated-fence',
            message: `The code fence opened on line ${i + 1} is never closed; the lines after it are read as normal text.`,
            line: i + 1,
          });
        } else {
          kinds.fill(LineKind.Fence, i, end + 1);
          i = end + 1;
          continue;
        }
      }
    }
    i++;
  }
  return { kinds, comments, frontMatter: frontMatter?.text ?? null, diagnostics };
}

function readFrontMatter(lines: string[], kinds: Uint8Array): { text: string; end: number } | null {
  if (lines.length === 0 || lines[0].trimEnd() !== '---') return null;
  for (let j = 1; j < lines.length; j++) {
    const t = lines[j].trimEnd();
    if (t === '---' || t === '...') {
      kinds.fill(LineKind.FrontMatter, 0, j + 1);
      return { text: lines.slice(1, j).join('\n'), end: j + 1 };
    }
  }
  return null;
}

/** Reads the comment(s) starting at (line, col); returns the next line to scan. */
function readComments(
  lines: string[],
  line: number,
  col: number,
  kinds: Uint8Array,
  comments: CommentSpans,
  diagnostics: Diagnostic[],
  closers: CloserSearch,
): number {
  let i = line;
  let pos = col;
  for (;;) {
    const text = lines[i];
    const close = text.indexOf('-->', pos + 4);
    if (close !== -1) {
      comments.add(i, i + 1, pos + 4, close);
      kinds[i] = LineKind.Comment;
      const next = nextCommentStart(text, close + 3);
      if (next === -1) return i + 1;
      pos = next;
      continue;
    }
    const j = closers.commentClose(i + 1);
    if (j === -1) {
      diagnostics.push({
        severity: 'warning',
        code: 'unterminated-comment',
        message: `The HTML comment opened on line ${i + 1} is never closed (no "-->"); only that line is read as a comment.`,
        line: i + 1,
      });
      kinds[i] = LineKind.Comment;
      comments.add(i, i + 1, pos + 4, text.length);
      return i + 1;
    }
    const k = lines[j].indexOf('-->');
    comments.add(i, j + 1, pos + 4, k);
    kinds.fill(LineKind.Comment, i, j + 1);
    const next = nextCommentStart(lines[j], k + 3);
    if (next === -1) return j + 1;
    i = j;
    pos = next;
  }
}

/** Where another comment starts right after a closed one on the same line, or -1. */
function nextCommentStart(text: string, from: number): number {
  let p = from;
  while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return text.startsWith('<!--', p) ? p : -1;
}

/**
 * Finds closing lines, remembering failed searches so that many unterminated comments
 * or fences cost one scan to the end, not one each.
 */
class CloserSearch {
  private noCommentCloseFrom = Number.POSITIVE_INFINITY;
  private readonly noFenceCloseFrom = new Map<string, { from: number; len: number }>();

  constructor(private readonly lines: string[]) {}

  commentClose(from: number): number {
    const end = Math.min(this.lines.length, this.noCommentCloseFrom);
    for (let j = from; j < end; j++) {
      if (this.lines[j].indexOf('-->') !== -1) return j;
    }
    if (from < this.noCommentCloseFrom) this.noCommentCloseFrom = from;
    return -1;
  }

  fenceClose(open: number, marker: string): number {
    const ch = marker[0];
    const known = this.noFenceCloseFrom.get(ch);
    if (known !== undefined && open >= known.from && marker.length >= known.len) return -1;
    for (let j = open + 1; j < this.lines.length; j++) {
      const line = this.lines[j];
      const at = indentOf(line);
      if (line.charAt(at) !== ch) continue;
      let n = at;
      while (n < line.length && line.charAt(n) === ch) n++;
      if (n - at >= marker.length && line.slice(n).trim() === '') return j;
    }
    if (known === undefined || marker.length <= known.len) {
      this.noFenceCloseFrom.set(ch, { from: open, len: marker.length });
    }
    return -1;
  }
}
