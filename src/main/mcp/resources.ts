// The project as MCP resources: the backlog file, the error report and the diagnostics.
// Each reads the open project's own files through the session; no URI names a path.
import { readFile } from 'node:fs/promises';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context';

function failure(uri: URL, message: string) {
  // A resource read has no error flag: the text says what went wrong.
  return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: message }] };
}

export function registerResources(server: McpServer, ctx: ToolContext): void {
  server.registerResource(
    'backlog',
    'taskdeck://backlog',
    { title: 'The backlog', description: 'The project\'s backlog file, as it is on disk now.', mimeType: 'text/markdown' },
    async (uri) => {
      const snap = await ctx.call('backlog:get', {});
      if (!snap.ok) return failure(uri, snap.error.message);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await readFile(snap.value.project.path, 'utf8') }] };
    },
  );
  server.registerResource(
    'error-report',
    'taskdeck://error-report',
    { title: 'Error report', description: 'The JSON error report of the run history (docs/error-report.md).', mimeType: 'application/json' },
    async (uri) => {
      const r = await ctx.call('reports:export', { format: 'error-report' });
      return r.ok ? { contents: [{ uri: uri.href, mimeType: 'application/json', text: r.value.content }] } : failure(uri, r.error.message);
    },
  );
  server.registerResource(
    'diagnostics',
    'taskdeck://diagnostics',
    { title: 'Diagnostics', description: 'What the reader found wrong in the backlog (missing or looping dependencies, unknown words, ...), as JSON.', mimeType: 'application/json' },
    async (uri) => {
      const snap = await ctx.call('backlog:get', {});
      if (!snap.ok) return failure(uri, snap.error.message);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: `${JSON.stringify({ file: snap.value.project.file, diagnostics: snap.value.diagnostics }, null, 2)}\n` }] };
    },
  );
}
