// Builds the object the preload exposes as window.taskdeck, from the contract's lists
// only: one function per method name, and `on` for the contract's event names. Pure
// (the caller passes ipcRenderer's invoke and listen), so plain-Node tests check it.
// Every method resolves to the main process's { ok, value } | { ok: false, error } value,
// the same shape the web host's transport gives the renderer.
import { eventNames, methodNames } from '../shared/api';
import type { ApiResult, EventName, EventPayload, MethodName, TaskdeckApi, TaskdeckBridge } from '../shared/api';

export type Unsubscribe = () => void;

export interface IpcPort {
  invoke(channel: MethodName, args: unknown): Promise<unknown>;
  listen(channel: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

const eventSet: ReadonlySet<string> = new Set(eventNames);

function isApiResult(response: unknown): response is ApiResult<unknown> {
  if (typeof response !== 'object' || response === null || !('ok' in response)) return false;
  if (response.ok === true) return 'value' in response;
  if (response.ok !== false || !('error' in response)) return false;
  const error = response.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error && typeof error.code === 'string' && typeof error.message === 'string';
}

/** Passes a well-formed result through; anything else becomes an error value, never a throw. */
export function checkedResult(method: string, response: unknown): ApiResult<unknown> {
  if (isApiResult(response)) return response;
  return { ok: false, error: { code: 'ipc-bad-response', message: `The app answered ${method} with something unexpected. Reload the window (View > Reload).` } };
}

function transportFailure(method: string, error: unknown): ApiResult<unknown> {
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'ipc-failed', message: `Could not reach the app for ${method} (${detail}). Reload the window (View > Reload).` } };
}

export function buildTaskdeckBridge(port: IpcPort): TaskdeckBridge {
  const methods = Object.fromEntries(
    methodNames.map((name) => [
      name,
      // Async so that even a synchronous throw (an argument IPC cannot clone) becomes a value.
      async (args: unknown): Promise<ApiResult<unknown>> => {
        try {
          return checkedResult(name, await port.invoke(name, args ?? {}));
        } catch (error) {
          return transportFailure(name, error);
        }
      },
    ]),
  ) as unknown as TaskdeckApi;
  return {
    ...methods,
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): Unsubscribe {
      // The renderer is typed, but a compromised one is not: refuse unknown channels.
      if (!eventSet.has(name)) throw new Error(`Unknown event "${String(name)}".`);
      if (typeof listener !== 'function') throw new Error('on(event, listener) needs a function.');
      return port.listen(name, (payload) => listener(payload as EventPayload<K>));
    },
  };
}
