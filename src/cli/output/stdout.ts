// Output straight to file descriptors 1 and 2 for a pipe or a file: creating
// process.stdout loads Node's stream modules (about 2 ms, a tenth of Node's own start),
// which `taskdeck list --json | jq` and `taskdeck --help | less` do not need. On a
// terminal (a character device), process.stdout is used as before: its width and colour
// support come from it, and a person does not notice 2 ms.
import { fstatSync, writeSync } from 'node:fs';
import { onClosedPipe } from './closedPipe';

const terminalFd = new Map<number, boolean>();

/** Whether fd is a terminal (or another character device, such as /dev/null: then the stream decides). */
function maybeTerminal(fd: 1 | 2): boolean {
  let known = terminalFd.get(fd);
  if (known === undefined) {
    try {
      known = fstatSync(fd).isCharacterDevice();
    } catch {
      known = true; // closed or odd: let Node's stream deal with it
    }
    terminalFd.set(fd, known);
  }
  return known;
}

const stream = (fd: 1 | 2) => (fd === 1 ? process.stdout : process.stderr);

/** True when stdout is a terminal (a person reads it): colours, widths, indented JSON. */
export function stdoutIsTerminal(): boolean {
  return maybeTerminal(1) && process.stdout.isTTY === true;
}

/** The terminal's width, or undefined for a pipe or a file. */
export function stdoutColumns(fd: 1 | 2 = 1): number | undefined {
  return maybeTerminal(fd) && stream(fd).isTTY ? stream(fd).columns : undefined;
}

/**
 * Whether help on fd may be coloured, by commander's rule (NO_COLOR, FORCE_COLOR,
 * CLICOLOR_FORCE, else a terminal that has colours), without creating the stream for a pipe.
 */
export function helpHasColours(fd: 1 | 2): boolean {
  const env = process.env;
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return maybeTerminal(fd) && stream(fd).isTTY === true && stream(fd).hasColors?.() === true;
}

/** Writes all of text to fd 1 (or 2); a reader that went away ends the process quietly (closedPipe.ts). */
export function writeOut(text: string, fd: 1 | 2 = 1): void {
  if (maybeTerminal(fd)) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return onClosedPipe();
      // A non-blocking descriptor (someone else's choice) that is full: the stream waits for it.
      if (code === 'EAGAIN') return void stream(fd).write(bytes.subarray(at));
      throw err;
    }
  }
}
