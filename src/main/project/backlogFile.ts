// Finds a project's backlog file (format section 1) and reads it as UTF-8 text, with the
// hash the editor compares against before it writes.
import { sha256Hex } from './sha256';
import { isAbsolute, join } from 'node:path';
import type { Result } from '../../shared/result';
import { describeNonFile, readRegularFile } from './readRegularFile';
import { describeBadBytes, findBadBytes } from './textCheck';

/** Where a backlog is looked for, in order, when taskdeck.json names none. */
export const BACKLOG_CANDIDATES = ['000_core/000_backlog.md', '000_backlog.md', 'backlog.md', 'BACKLOG.md', 'docs/backlog.md'];

export interface NoBacklogError {
  code: 'no-backlog';
  message: string;
  /** Every path tried, absolute, in order. */
  tried: string[];
}

export interface BacklogText {
  text: string;
  bytes: Buffer;
  /** sha256 of the bytes, hex (computed on first use: a command that only shows the file never needs it). */
  readonly hash: string;
  /** The file's size and modification time (ns, as a decimal string) when it was read. */
  size: number;
  mtimeNs: string;
}

export interface ReadBacklogError {
  code: 'not-found' | 'unreadable' | 'not-text' | 'not-a-file' | 'too-large';
  message: string;
}

/** A path tried, with what it is when it is there but not a file ("a folder"). */
function triedText(path: string, what: string | null): string {
  return what === null || what === 'missing' ? path : `${path} (${what})`;
}

/** The backlog's absolute path: the configured one, else the first candidate that exists. */
export async function findBacklogFile(projectDir: string, configured?: string | null): Promise<Result<string, NoBacklogError>> {
  const tried: string[] = [];
  if (configured !== undefined && configured !== null && configured !== '') {
    const path = isAbsolute(configured) ? configured : join(projectDir, configured);
    const what = await describeNonFile(path);
    if (what === null) return { ok: true, value: path };
    tried.push(path);
    const message =
      what === 'missing'
        ? `The backlog named in taskdeck.json does not exist: ${path}. Fix the "backlog" path or create the file.`
        : `The backlog named in taskdeck.json, ${path}, is ${what}, not a file. Fix the "backlog" path.`;
    return { ok: false, error: { code: 'no-backlog', message, tried } };
  }
  const described: string[] = [];
  for (const candidate of BACKLOG_CANDIDATES) {
    const path = join(projectDir, candidate);
    const what = await describeNonFile(path);
    if (what === null) return { ok: true, value: path };
    tried.push(path);
    described.push(triedText(path, what));
  }
  return {
    ok: false,
    error: {
      code: 'no-backlog',
      message: `No backlog file in ${projectDir}. Tried: ${described.join(', ')}. Create one of them, or set "backlog" in taskdeck.json.`,
      tried,
    },
  };
}

// ignoreBOM keeps a BOM in the text, so the reader knows to write it back.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file that is not UTF-8 text: the error naming where its first bad byte is. */
export function notTextError(path: string, bytes: Uint8Array): ReadBacklogError | null {
  const bad = findBadBytes(bytes);
  return bad ? { code: 'not-text', message: describeBadBytes(path, bad) } : null;
}

/**
 * Reads the backlog (a regular file of at most BACKLOG_SIZE_LIMIT bytes, readRegularFile.ts);
 * a file that is not UTF-8 text (NUL bytes, invalid UTF-8) is an error saying where.
 */
export async function readBacklogFile(path: string): Promise<Result<BacklogText, ReadBacklogError>> {
  const read = await readBacklogBytes(path);
  if (!read.ok) return read;
  const text = decodeBacklogText(path, read.value.bytes);
  if (!text.ok) return text;
  return { ok: true, value: Object.defineProperties({ text: text.value }, Object.getOwnPropertyDescriptors(read.value)) as BacklogText };
}

/**
 * The backlog's bytes, without decoding them: the parse cache compares bytes, and on a hit
 * the text is never needed (those bytes decoded when the entry was written).
 */
export async function readBacklogBytes(path: string): Promise<Result<Omit<BacklogText, 'text'>, ReadBacklogError>> {
  const read = await readRegularFile(path);
  if (!read.ok) return read;
  const bytes = read.value.bytes;
  let hash: string | undefined;
  return {
    ok: true,
    value: {
      bytes,
      get hash() {
        return (hash ??= sha256Hex(bytes));
      },
      size: bytes.length,
      mtimeNs: String(read.value.stat.mtimeNs),
    },
  };
}

/** The bytes as UTF-8 text, or the error naming where the first bad byte is. */
export function decodeBacklogText(path: string, bytes: Uint8Array): Result<string, ReadBacklogError> {
  try {
    if (bytes.includes(0)) throw new Error('NUL');
    return { ok: true, value: UTF8.decode(bytes) };
  } catch {
    return { ok: false, error: notTextError(path, bytes) ?? { code: 'not-text', message: `${path} is not UTF-8 text.` } };
  }
}
