// Finds a project's backlog file (format section 1) and reads it as UTF-8 text, with the
// hash the editor compares against before it writes.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Result } from '../../shared/result';

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
  /** sha256 of the bytes, hex. */
  hash: string;
}

export interface ReadBacklogError {
  code: 'not-found' | 'unreadable' | 'not-text';
  message: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The backlog's absolute path: the configured one, else the first candidate that exists. */
export async function findBacklogFile(projectDir: string, configured?: string | null): Promise<Result<string, NoBacklogError>> {
  const tried: string[] = [];
  if (configured !== undefined && configured !== null && configured !== '') {
    const path = isAbsolute(configured) ? configured : join(projectDir, configured);
    if (await isFile(path)) return { ok: true, value: path };
    tried.push(path);
    return {
      ok: false,
      error: {
        code: 'no-backlog',
        message: `The backlog named in taskdeck.json does not exist: ${path}. Fix the "backlog" path or create the file.`,
        tried,
      },
    };
  }
  for (const candidate of BACKLOG_CANDIDATES) {
    const path = join(projectDir, candidate);
    if (await isFile(path)) return { ok: true, value: path };
    tried.push(path);
  }
  return {
    ok: false,
    error: {
      code: 'no-backlog',
      message: `No backlog file in ${projectDir}. Tried: ${tried.join(', ')}. Create one of them, or set "backlog" in taskdeck.json.`,
      tried,
    },
  };
}

// ignoreBOM keeps a BOM in the text, so the reader knows to write it back.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads the backlog; a file that is not UTF-8 text (NUL bytes, invalid UTF-8) is an error naming it. */
export async function readBacklogFile(path: string): Promise<Result<BacklogText, ReadBacklogError>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: { code: 'not-found', message: `The backlog file does not exist: ${path}` } };
    const why = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? e);
    return { ok: false, error: { code: 'unreadable', message: `Cannot read the backlog file ${path}: ${why}.` } };
  }
  const notText = {
    ok: false as const,
    error: {
      code: 'not-text' as const,
      message: `${path} is not a UTF-8 text file (it looks binary); a backlog must be Markdown text.`,
    },
  };
  if (bytes.includes(0)) return notText;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return notText;
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, value: { text, bytes, hash } };
}
