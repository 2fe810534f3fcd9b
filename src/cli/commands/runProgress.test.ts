import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRunView } from './runProgress';

function sink(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  Object.assign(w, { isTTY: tty, columns: 100 });
  return { stream: w as unknown as NodeJS.WriteStream, text: () => out };
}

const started = { type: 'task-started', taskId: 'B-1', title: 'Build', runId: 'r', attempt: 1, command: 'make', timeoutMs: 60_000, logPath: '/l', pgid: 42 } as const;
const progress = { type: 'progress', taskId: 'B-1', runId: 'r', attempt: 1, percent: 40, message: 'parsing files' } as const;
const finished = { type: 'task-finished', taskId: 'B-1', title: 'Build', runId: 'r', outcome: 'succeeded', attempts: 1, durationMs: 1500, message: null, category: null, logPath: '/l' } as const;

describe('run view', () => {
  it('prints plain lines without escape codes when stdout is not a terminal', () => {
    const { stream, text } = sink(false);
    const view = createRunView(stream);
    view.onEvent(started);
    view.onEvent(progress);
    view.onEvent(finished);
    view.close();
    expect(text()).toBe('start   B-1 attempt 1: make (timeout 60 s)\nprogress B-1 40% parsing files\nok      B-1 Build (1.5 s)\n');
  });

  it('draws a live progress bar on a terminal and replaces it with one line when the task ends', () => {
    const { stream, text } = sink(true);
    const view = createRunView(stream, () => 0);
    view.onEvent(started);
    view.onEvent(progress);
    // Colour codes (when NO_COLOR is unset) are not what this test is about.
    const plain = () => text().replace(/\u001b\[\d+m/g, '');
    expect(plain()).toContain('[########············]  40% B-1 parsing files');
    view.onEvent(finished);
    view.close();
    // The bar's line is erased (cursor up + clear) before the final line is written.
    expect(plain()).toMatch(/\u001b\[1A\u001b\[0J[^\n]*ok {6}B-1 Build \(1\.5 s\)/);
  });
});
