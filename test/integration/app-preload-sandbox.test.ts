// The built preload (out/preload/index.cjs) run the way a sandboxed renderer runs it: a
// CommonJS script in a fresh context whose `require` offers only what Electron's sandbox
// offers (electron's renderer modules and a few polyfills), no Node and no node_modules.
// It must load, expose exactly `taskdeck`, and route calls and events by contract name.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { eventNames, methodNames } from '../../src/shared/api';

const repoRoot = resolve(import.meta.dirname, '../..');
const preloadFile = join(repoRoot, 'out/preload/index.cjs');
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

interface Exposed {
  [name: string]: unknown;
}

function loadPreload() {
  expect(existsSync(preloadFile), 'out/preload/index.cjs is missing: run `npm run build` first').toBe(true);
  const exposed: Record<string, Exposed> = {};
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Array<(event: unknown, payload: unknown) => void>>();
  const requested: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: Exposed) {
        exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke(channel: string, args: unknown) {
        invoked.push([channel, args]);
        return Promise.resolve({ ok: true, value: `answer from ${channel}` });
      },
      on(channel: string, listener: (event: unknown, payload: unknown) => void) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      removeListener(channel: string, listener: (event: unknown, payload: unknown) => void) {
        listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      },
    },
  };
  const sandboxRequire = (name: string): unknown => {
    requested.push(name);
    if (!SANDBOX_MODULES.has(name)) throw new Error(`Cannot find module '${name}' (not available in a sandboxed preload)`);
    if (name === 'electron') return electron;
    throw new Error(`stub has no ${name}`);
  };
  const module = { exports: {} };
  const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, console, Promise, setTimeout, queueMicrotask });
  vm.runInContext(readFileSync(preloadFile, 'utf8'), context, { filename: preloadFile });
  return { exposed, invoked, listeners, requested };
}

describe('the built preload in a sandbox-like context', () => {
  it('is CommonJS that requires only electron, and exposes only window.taskdeck', () => {
    const source = readFileSync(preloadFile, 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    const { exposed, requested } = loadPreload();
    expect(requested).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['taskdeck']);
    expect(Object.keys(exposed['taskdeck'] ?? {}).sort()).toEqual([...methodNames, 'on'].sort());
  });

  it('invokes the channel named after each method and returns the answer as a result value', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed['taskdeck'] ?? {};
    for (const name of methodNames) {
      const fn = api[name] as (args: unknown) => Promise<unknown>;
      await expect(fn({ probe: name })).resolves.toEqual({ ok: true, value: `answer from ${name}` });
    }
    expect(invoked.map(([channel]) => channel)).toEqual(methodNames);
  });

  it('delivers contract events, unsubscribes, and refuses other channels', () => {
    const { exposed, listeners } = loadPreload();
    const on = (exposed['taskdeck'] ?? {})['on'] as (name: string, cb: (payload: unknown) => void) => () => void;
    const event = eventNames[0] ?? 'backlog:changed';
    const seen: unknown[] = [];
    const off = on(event, (payload) => seen.push(payload));
    for (const listener of listeners.get(event) ?? []) listener({ sender: 'ipc' }, { hash: 'h', source: 'external' });
    expect(seen).toEqual([{ hash: 'h', source: 'external' }]);
    off();
    expect(listeners.get(event)).toEqual([]);
    expect(() => on('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow(/Unknown event/);
  });
});
