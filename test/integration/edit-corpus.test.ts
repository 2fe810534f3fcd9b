// Every corpus backlog: writing it back without edits gives the same bytes, and a status
// edit changes exactly one line and nothing else in the parsed tasks. Also the file-level
// editor on temp copies.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBacklog, type ParseResult } from '../../src/main/core/backlog';
import { applyEdit, applyEditAndPredict, serializeUnchanged, spliceLines } from '../../src/main/core/backlog/edit';
import type { Status, Task } from '../../src/shared/backlog';
import { editBacklogFile } from '../../src/main/project/backlogEditor';
import { locateCells } from '../../src/main/core/backlog/edit/tableCells';
import { comparable, corpusDir, corpusFiles, readCorpus } from './edit-kit';

const files = corpusFiles();
const temp = mkdtempSync(join(tmpdir(), 'taskdeck-edit-corpus-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Up to `count` tasks spread over the file whose status has a cell or a field line. */
function editableTasks(parsed: ParseResult, count: number): Task[] {
  const withStatus = parsed.tasks.filter((task) => {
    const src = parsed.source.tasks.get(task.id);
    if (!src) return false;
    return src.def.kind === 'row' ? src.def.table.columns.status !== undefined : src.def.fieldLines['status'] !== undefined;
  });
  if (withStatus.length <= count || count < 2) return withStatus.slice(0, count);
  return Array.from({ length: count }, (_, i) => withStatus[Math.floor((i * (withStatus.length - 1)) / (count - 1))]).filter(
    (task): task is Task => task !== undefined,
  );
}

function otherStatus(status: Status): Status {
  return status === 'done' ? 'todo' : 'done';
}

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

describe('corpus write-back', () => {
  it('has the 104 corpus files', () => {
    expect(files).toHaveLength(104);
  });

  it.each(files)('%s: no-op is byte-identical; a status edit changes one line', (name) => {
    const text = readCorpus(name);
    const parsed = parseBacklog(text);
    expect(serializeUnchanged(parsed) === text).toBe(true);
    const tasks = editableTasks(parsed, 4);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const status = otherStatus(task.status);
      const result = applyEdit(text, parsed, { kind: 'setStatus', id: task.id, value: status });
      if (!result.ok) throw new Error(`${task.id}: ${result.error.message}`);
      const before = lines(text);
      const after = lines(result.value.text);
      expect(after.length).toBe(before.length);
      expect(before.filter((line, i) => line !== after[i])).toHaveLength(1);
      const reparsed = parseBacklog(result.value.text);
      expect(reparsed.tasks.map((t) => t.id)).toEqual(parsed.tasks.map((t) => t.id));
      const expected = parsed.tasks.map((t) => comparable(t.id === task.id ? { ...t, status } : t));
      expect(reparsed.tasks.map(comparable)).toEqual(expected);
      // The editor's shortcuts agree with the slow path: the predicted parse is the real
      // one, and the spliced bytes are the encoded text.
      const fast = applyEditAndPredict(text, parsed, { kind: 'setStatus', id: task.id, value: status });
      if (!fast.ok) throw new Error(fast.error.message);
      expect(fast.value.parsedAfter?.tasks).toEqual(reparsed.tasks);
      expect(fast.value.parsedAfter?.source.lines).toEqual(reparsed.source.lines);
      const spliced = spliceLines(Buffer.from(text, 'utf8'), parsed.source.bom, fast.value.patches ?? []);
      expect(spliced && Buffer.from(spliced).equals(Buffer.from(result.value.text, 'utf8'))).toBe(true);
    }
  });
});

describe('cells', () => {
  it('the editor finds the same cells as the reader in every row of every file', () => {
    let rows = 0;
    for (const name of files) {
      const parsed = parseBacklog(readCorpus(name));
      for (const src of parsed.source.tasks.values()) {
        if (src.def.kind !== 'row' || src.def.cells === undefined) continue;
        rows++;
        expect(locateCells(parsed.source.lines, src.def.rowStart, src.def.rowEnd), `${name} ${src.id}`).toEqual(src.def.cells);
      }
    }
    expect(rows).toBeGreaterThan(1000);
  });
});

describe('editBacklogFile on corpus copies', () => {
  const sample = files.filter((_, i) => i % 13 === 0 || i === files.length - 1);

  it.each(sample)('%s: writes the edit and reports the new hash', async (name) => {
    const path = join(temp, name);
    copyFileSync(join(corpusDir, name), path);
    const bytes = readFileSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const parsed = parseBacklog(bytes.toString('utf8'));
    const task = editableTasks(parsed, 1)[0];
    if (!task) throw new Error('no editable task');
    const result = await editBacklogFile(path, hash, { kind: 'setStatus', id: task.id, value: otherStatus(task.status) });
    if (!result.ok) throw new Error(result.error.message);
    const written = readFileSync(path);
    expect(result.value.hash).toBe(createHash('sha256').update(written).digest('hex'));
    expect(written.toString('utf8')).toBe(result.value.text);
    expect(parseBacklog(result.value.text).tasks.find((t) => t.id === task.id)?.status).toBe(otherStatus(task.status));
    expect(result.value.inverse).not.toBeNull();
  });
});
