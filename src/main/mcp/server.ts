// `taskdeck mcp`: the Model Context Protocol face of Taskdeck. A thin adapter: every tool
// calls contract methods through the same handler table and dispatch as the app and the
// web host, so an agent reads, plans, claims and runs exactly as a person does.
import { randomBytes } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ApiResult, ArgsOf, EventName, EventPayload, MethodName, ResultOf } from '../../shared/api';
import type { ToolContext } from './context';
import { registerResources } from './resources';
import { registerClaimingTools } from './tools/claiming';
import { registerLearningTools } from './tools/learning';
import { registerPlanningTools } from './tools/planning';
import { registerReadingTools } from './tools/reading';
import { registerRunningTools } from './tools/running';

export interface McpBackend {
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: EventName, payload: EventPayload<EventName>) => void): () => void;
}

const INSTRUCTIONS = `Taskdeck: a project's Markdown backlog and its run engine.
Typical loop: next_task (what to do and why) -> claim_task -> get_task (history: usual duration, failures) -> work, report_progress -> run_task (the task's own command, if it has one) -> complete_task (done, with notes).
Claims expire (default an hour); claim again to renew. Edits are minimal and atomic; pass expected_hash from list_tasks to refuse an edit when the file changed meanwhile.`;

/** The name the client gave in the initialize handshake, cut to what a claim holds; null before it. */
export function clientName(server: McpServer): string | null {
  const name = server.server.getClientVersion()?.name?.replace(/[\r\n]+/g, ' ').trim().slice(0, 100);
  return name || null;
}

export function createMcpServer(backend: McpBackend, version: string): McpServer {
  const server = new McpServer({ name: 'taskdeck', version }, { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {} } });
  const session = randomBytes(8).toString('hex');
  const ctx: ToolContext = {
    call: <K extends MethodName>(method: K, args: ArgsOf<K>) => backend.call(method, args) as Promise<ApiResult<ResultOf<K>>>,
    subscribe: backend.subscribe,
    who(explicit?: string): string {
      if (explicit?.trim()) return explicit.trim();
      return clientName(server) ?? 'mcp-client';
    },
    session,
  };
  registerReadingTools(server, ctx);
  registerPlanningTools(server, ctx);
  registerClaimingTools(server, ctx);
  registerRunningTools(server, ctx);
  registerLearningTools(server, ctx);
  registerResources(server, ctx);
  return server;
}
