// Starts `taskdeck mcp` on stdio: a session over the project (no file watcher: every call
// re-checks the files' hashes anyway), the MCP server over its handler table, and a clean
// exit when the client closes the pipe. stdout carries JSON-RPC only; words go to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createAppSession, dispatch, type HandlerTable } from '../api';
import { setAuditActor, setAuditSource } from '../store/auditOrigin';
import { clientName, createMcpServer } from './server';

const STOP_WAIT_MS = 10_000;

/**
 * The client went away (or Ctrl+C): its runs are cancelled (TERM, then KILL after the
 * grace period) and recorded as such before the server exits, never left running
 * without a runner.
 */
async function cancelRuns(handlers: HandlerTable): Promise<void> {
  const cancelled = await handlers['runs:cancel-all']({});
  if (!cancelled.ok || cancelled.value.cancelled === 0) return;
  const deadline = Date.now() + STOP_WAIT_MS;
  while (Date.now() < deadline) {
    const active = await handlers['runs:active']({});
    if (!active.ok || active.value.running.length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startMcp(projectDir: string, version: string): Promise<void> {
  const { session, handlers, opened } = await createAppSession({ projectDir, watch: false });
  // A folder without a readable backlog still serves: every tool answers why.
  if (opened && !opened.ok) process.stderr.write(`taskdeck mcp: ${opened.error.message}\n`);
  const server = createMcpServer({ call: (m, a) => dispatch(handlers, m, a), subscribe: session.subscribe }, version);
  // One agent per stdio server: every change it makes is audited as `mcp`, by its name.
  setAuditSource('mcp');
  setAuditActor(() => clientName(server) ?? 'mcp-client');
  const transport = new StdioServerTransport();
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    void cancelRuns(handlers).finally(() => void Promise.allSettled([server.close(), session.close()]).then(() => process.exit(0)));
  };
  transport.onclose = stop;
  process.stdin.once('end', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.connect(transport);
  process.stderr.write(`taskdeck mcp: serving ${opened?.ok ? opened.value.path : projectDir} over stdio\n`);
}
