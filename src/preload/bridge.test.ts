import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../shared/api';
import type { EventName, MethodName } from '../shared/api';
import { buildTaskdeckBridge, checkedResult, type IpcPort } from './bridge';

function recordingPort(answer: (channel: MethodName, args: unknown) => Promise<unknown>) {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const port: IpcPort = {
    invoke: (channel, args) => {
      invoked.push([channel, args]);
      return answer(channel, args);
    },
    listen: (channel: EventName, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  };
  return { port, invoked, listeners };
}

describe('buildTaskdeckBridge', () => {
  it('exposes exactly the contract methods plus on()', () => {
    const { port } = recordingPort(async () => ({ ok: true, value: null }));
    const bridge = buildTaskdeckBridge(port);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'on'].sort());
    for (const name of methodNames) expect(typeof bridge[name]).toBe('function');
  });
  it('invokes the channel named after the method and passes the result value through', async () => {
    const { port, invoked } = recordingPort(async (channel) => ({ ok: true, value: `answer of ${channel}` }));
    const bridge = buildTaskdeckBridge(port);
    const result = await bridge['project:open']({ dir: '/p' });
    expect(invoked).toEqual([['project:open', { dir: '/p' }]]);
    expect(result).toEqual({ ok: true, value: 'answer of project:open' });
  });
  it('turns a malformed answer or a broken channel into an error value, not a throw', async () => {
    const name = methodNames[0] as MethodName;
    expect(checkedResult(name, 'junk')).toMatchObject({ ok: false, error: { code: 'ipc-bad-response' } });
    expect(checkedResult(name, { ok: false, error: { code: 1 } })).toMatchObject({ ok: false, error: { code: 'ipc-bad-response' } });
    expect(checkedResult(name, { ok: false, error: { code: 'x', message: 'y' } })).toEqual({ ok: false, error: { code: 'x', message: 'y' } });
    const { port } = recordingPort(async () => {
      throw new Error('channel closed');
    });
    const call = buildTaskdeckBridge(port)[name] as (args: unknown) => Promise<unknown>;
    await expect(call({})).resolves.toMatchObject({ ok: false, error: { code: 'ipc-failed', message: expect.stringContaining('channel closed') } });
  });
  it('subscribes only to contract events and can unsubscribe', () => {
    const { port, listeners } = recordingPort(async () => ({ ok: true, value: null }));
    const bridge = buildTaskdeckBridge(port);
    const seen: unknown[] = [];
    const event = eventNames[0] as EventName;
    const off = bridge.on(event, (payload) => seen.push(payload));
    listeners.get(event)?.({ hash: 'h', source: 'external' });
    expect(seen).toEqual([{ hash: 'h', source: 'external' }]);
    off();
    expect(listeners.has(event)).toBe(false);
    const on = bridge.on as (name: string, listener: (payload: unknown) => void) => () => void;
    expect(() => on('ipc:anything', () => undefined)).toThrow('Unknown event "ipc:anything".');
  });
});
