// What every MCP tool gets: one typed call into the handler table (the same dispatch the
// app and the web host use), the session's events, and who is asking.
import type { ApiResult, ArgsOf, EventName, EventPayload, MethodName, ResultOf } from '../../shared/api';

export interface ToolContext {
  call<K extends MethodName>(method: K, args: ArgsOf<K>): Promise<ApiResult<ResultOf<K>>>;
  /** The session's contract events (run:event, run:batch-finished, ...). */
  subscribe(listener: (event: EventName, payload: EventPayload<EventName>) => void): () => void;
  /** The agent's name: an explicit `owner`/`agent` argument, else the MCP client's name from the handshake. */
  who(explicit?: string): string;
  /** This connection's id: a claim belongs to the session that took it. */
  session: string;
}
