// Starts `taskdeck mcp` on stdio: a session over the project (no file watcher: every call
// re-checks the files' hashes anyway), the MCP server over its handler table, and a clean
// exit when the client closes the pipe. stdout carries JSON-RPC only; words go to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createAppSession, dispatch } from '../api';
import { createMcpServer } from './server';

export async function startMcp(projectDir: string, version: string): Promise<void> {
  const { session, handlers, opened } = await createAppSession({ projectDir, watch: false });
  // A folder without a readable backlog still serves: every tool answers why.
  if (opened && !opened.ok) process.stderr.write(`taskdeck mcp: ${opened.error.message}\n`);
  const server = createMcpServer({ call: (m, a) => dispatch(handlers, m, a), subscribe: session.subscribe }, version);
  const transport = new StdioServerTransport();
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    void Promise.allSettled([server.close(), session.close()]).then(() => process.exit(0));
  };
  transport.onclose = stop;
  process.stdin.once('end', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.connect(transport);
  process.stderr.write(`taskdeck mcp: serving ${opened?.ok ? opened.value.path : projectDir} over stdio\n`);
}
