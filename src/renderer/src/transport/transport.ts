// The renderer's one way to the backend. Inside Electron it is the preload's
// window.taskdeck; in a browser it is the web host over fetch + EventSource. Everything
// above this file is identical in both.
import type { ApiResult, ArgsOf, EventName, EventPayload, MethodName, ResultOf, TaskdeckBridge } from '../../../shared/api';

export interface Transport {
  kind: 'electron' | 'web';
  call<K extends MethodName>(method: K, args: ArgsOf<K>): Promise<ApiResult<ResultOf<K>>>;
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
  /**
   * Called after the event stream came back from a break (events in between are lost,
   * so listeners re-read what they show). Electron's IPC never breaks: it never calls.
   */
  onReconnect(listener: () => void): () => void;
}

declare global {
  interface Window {
    taskdeck?: TaskdeckBridge;
  }
}

export function bridgeTransport(bridge: TaskdeckBridge): Transport {
  return {
    kind: 'electron',
    call: (method, args) => bridge[method](args as never) as never,
    on: (event, listener) => bridge.on(event, listener),
    onReconnect: () => () => undefined,
  };
}
