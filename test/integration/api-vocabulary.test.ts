// `vocabulary:map` over the real session and services, on a copy of the mobile-team
// fixture: the word goes into taskdeck.json (other keys, order and indentation kept),
// every task using it changes at once, and backlog:undo takes it back byte for byte.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import type { ApiResult, BacklogSnapshot, EditOutcome } from '../../src/shared/api';

const fixture = resolve(import.meta.dirname, '../fixtures/mobile-team');
const CONFIG = '{\n    "backlog": "backlog.md",\n    "writeBack": "none",\n    "x-other-tool": { "keep": [1, 2] }\n}\n';
let dir: string;
let session: Session;
let handlers: HandlerTable;

function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function open(config: string | null): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-vocab-'));
  cpSync(fixture, dir, { recursive: true });
  if (config !== null) writeFileSync(join(dir, 'taskdeck.json'), config);
  ({ session, handlers } = await createAppSession({ projectDir: dir, watch: false }));
}

const parked = (s: BacklogSnapshot) => s.tasks.find((t) => t.id === 'APP-203');
const readConfig = () => readFileSync(join(dir, 'taskdeck.json'), 'utf8');

afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vocabulary:map', () => {
  beforeEach(() => open(CONFIG));

  it('writes the word into taskdeck.json and re-reads every task with it', async () => {
    const before = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {}));
    expect(parked(before)?.status).toBe('todo');
    expect(before.diagnostics.map((d) => d.code)).toEqual(['unknown-status']);

    const mapped = value<EditOutcome>(await dispatch(handlers, 'vocabulary:map', { kind: 'status', word: '🟪 Parked', value: 'blocked' }));
    expect(parked(mapped.snapshot)?.status).toBe('blocked');
    expect(mapped.snapshot.diagnostics).toEqual([]);
    expect(mapped.summary).toContain('🟪 Parked');
    // Other keys, their order and the file's four-space indentation stay.
    expect(readConfig()).toBe(
      '{\n    "backlog": "backlog.md",\n    "writeBack": "none",\n    "x-other-tool": {\n        "keep": [\n            1,\n            2\n        ]\n    },\n    "vocabulary": {\n        "status": {\n            "🟪 Parked": "blocked"\n        }\n    }\n}\n',
    );
    // The backlog itself was not touched.
    expect(value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {})).hash).toBe(before.hash);
  });

  it('is undone by backlog:undo, byte for byte, like an edit', async () => {
    await dispatch(handlers, 'vocabulary:map', { kind: 'status', word: '🟪 Parked', value: 'blocked' });
    const undone = value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    expect(undone.summary).toMatch(/^Undid/);
    expect(readConfig()).toBe(CONFIG);
    expect(parked(undone.snapshot)?.status).toBe('todo');
    expect(await dispatch(handlers, 'backlog:undo', {})).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
  });

  it('sits on the same undo stack as backlog edits, and edits then write with the new word', async () => {
    const mapped = value<EditOutcome>(await dispatch(handlers, 'vocabulary:map', { kind: 'status', word: 'Parked', value: 'blocked' }));
    const edited = value<EditOutcome>(
      await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'APP-IOS-8', value: 'skipped' }, expectedHash: mapped.snapshot.hash }),
    );
    expect(edited.snapshot.tasks.find((t) => t.id === 'APP-IOS-8')?.status).toBe('skipped');
    value(await dispatch(handlers, 'backlog:undo', {}));
    expect(readFileSync(join(dir, 'backlog.md'), 'utf8')).toBe(readFileSync(join(fixture, 'backlog.md'), 'utf8'));
    value(await dispatch(handlers, 'backlog:undo', {}));
    expect(readConfig()).toBe(CONFIG);
  });

  it('refuses to undo over a hand edit of taskdeck.json', async () => {
    await dispatch(handlers, 'vocabulary:map', { kind: 'priority', word: 'Nice to have', value: 'low' });
    writeFileSync(join(dir, 'taskdeck.json'), readConfig().replace('"none"', '"done"'));
    expect(await dispatch(handlers, 'backlog:undo', {})).toMatchObject({ ok: false, error: { code: 'config-changed' } });
    expect(readConfig()).toContain('"Nice to have": "low"');
  });

  it('refuses a value that is not a status or priority of that kind', async () => {
    expect(await dispatch(handlers, 'vocabulary:map', { kind: 'status', word: 'Parked', value: 'critical' })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await dispatch(handlers, 'vocabulary:map', { kind: 'priority', word: 'Parked', value: 'unknown' })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await dispatch(handlers, 'vocabulary:map', { kind: 'status', word: '  ', value: 'done' })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(readConfig()).toBe(CONFIG);
  });
});

describe('vocabulary:map without a taskdeck.json', () => {
  beforeEach(() => open(null));

  it('creates the file, and undo removes it again', async () => {
    value(await dispatch(handlers, 'vocabulary:map', { kind: 'status', word: '🟪 Parked', value: 'skipped' }));
    expect(JSON.parse(readConfig())).toEqual({ vocabulary: { status: { '🟪 Parked': 'skipped' } } });
    value(await dispatch(handlers, 'backlog:undo', {}));
    expect(existsSync(join(dir, 'taskdeck.json'))).toBe(false);
  });
});
