// IPC arguments fuzzed against the contract's schemas (fast-check): random junk for
// every method, through the preload bridge, a structured clone (what Electron's IPC
// does to arguments) and the real dispatch over a real session on a temp copy of the
// sample project. Every call must come back as a result value: bad input is a clear
// `bad-arguments` error naming the method, never a throw, a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { methodNames, methods } from '../../src/shared/api';
import type { ApiResult, MethodName } from '../../src/shared/api';
import { createHandlers, createSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { realServices } from '../../src/main/api/realServices';
import { buildTaskdeckBridge } from '../../src/preload/bridge';

const repoRoot = resolve(import.meta.dirname, '../..');
let temp = '';
let projectDir = '';
let session: Session;
let handlers: HandlerTable;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'taskdeck-ipc-fuzz-'));
  projectDir = join(temp, 'project');
  cpSync(join(repoRoot, 'resources', 'sample-project'), projectDir, { recursive: true });
  session = createSession({ services: realServices(), watch: false });
  handlers = createHandlers(session);
  const opened = await dispatch(handlers, 'project:open', { dir: projectDir });
  expect(opened.ok).toBe(true);
});

afterAll(async () => {
  await session.close();
  rmSync(temp, { recursive: true, force: true });
});

function isResultValue(result: unknown): result is ApiResult<unknown> {
  if (typeof result !== 'object' || result === null || !('ok' in result)) return false;
  if (result.ok === true) return 'value' in result;
  if (!('error' in result) || typeof result.error !== 'object' || result.error === null) return false;
  const error = result.error as { code?: unknown; message?: unknown };
  return typeof error.code === 'string' && error.code !== '' && typeof error.message === 'string' && error.message.length > 10;
}

/** Junk of every shape, plus objects with the method's own keys holding junk. */
function argsFor(name: MethodName): fc.Arbitrary<unknown> {
  const schema = methods[name].args as unknown as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const junk = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true, maxDepth: 3 });
  const nearMiss = keys.length === 0 ? fc.dictionary(fc.string(), junk, { maxKeys: 3 }) : fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] });
  const hostile = fc.constantFrom<unknown>({ __proto__: { dir: '/' } }, { constructor: { prototype: { polluted: true } } }, JSON.parse('{"__proto__": {"polluted": true}}'), 'x'.repeat(100_000), [], 0, -1, Number.NaN, null, undefined, true);
  return fc.oneof(junk, nearMiss, hostile);
}

// Valid arguments to these would act outside the temp project (open another folder,
// write a report to any absolute path, trust the folder and spawn its commands): this
// test is about invalid input, so for them only invalid arguments are generated. Every
// other method also runs with whatever valid arguments come up, on the temp project.
const ACTS_OUTSIDE_THE_PROJECT: ReadonlySet<string> = new Set(['project:open', 'reports:write', 'runs:trust', 'runs:start', 'runs:auto']);

function actsOutsideTheProject(name: MethodName, args: unknown): boolean {
  return ACTS_OUTSIDE_THE_PROJECT.has(name) && methods[name].args.safeParse(args ?? {}).success;
}

describe('IPC argument fuzzing', () => {
  const bridge = () =>
    buildTaskdeckBridge({
      // Electron structured-clones every IPC argument; an uncloneable one fails here,
      // before main, exactly as ipcRenderer.invoke would.
      invoke: async (channel, args) => dispatch(handlers, channel, structuredClone(args)),
      listen: () => () => undefined,
    });

  for (const name of methodNames) {
    it(`${name}: any argument gives a result value, and invalid ones a clear bad-arguments error`, async () => {
      const api = bridge();
      const call = api[name] as (args: unknown) => Promise<unknown>;
      await fc.assert(
        fc.asyncProperty(argsFor(name), async (args) => {
          fc.pre(!actsOutsideTheProject(name, args));
          const viaBridge = await call(args);
          expect(isResultValue(viaBridge)).toBe(true);
          let cloneable = true;
          try {
            structuredClone(args);
          } catch {
            cloneable = false;
          }
          if (!cloneable) {
            expect(viaBridge).toMatchObject({ ok: false, error: { code: 'ipc-failed' } });
            return;
          }
          const direct = await dispatch(handlers, name, args);
          expect(isResultValue(direct)).toBe(true);
          if (!methods[name].args.safeParse(args ?? {}).success) {
            expect(direct).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
            if (!direct.ok) expect(direct.error.message).toContain(`Bad arguments for ${name}`);
          }
        }),
        { numRuns: 150 },
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  it('refuses method names outside the contract with a value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'project:open ', 'PROJECT:OPEN')), fc.anything(), async (name, args) => {
        fc.pre(!(methodNames as string[]).includes(name));
        const result = await dispatch(handlers, name, args);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      }),
      { numRuns: 300 },
    );
  });

  it('still answers normally after the fuzzing', async () => {
    const snapshot = await dispatch(handlers, 'backlog:get', {});
    expect(snapshot.ok).toBe(true);
    const current = await dispatch(handlers, 'project:current', {});
    expect(current).toMatchObject({ ok: true, value: { dir: projectDir } });
  });
});
