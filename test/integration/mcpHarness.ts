// Drives the built `taskdeck mcp` (out/cli/taskdeck.js, run by node_modules/.bin/node) with
// the MCP SDK's own Client over a real stdio transport, as an agent's editor would.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { cliPath, runCli } from './engineCli';
import { copySample, repoRoot } from './engineFixture';

export const node24 = join(repoRoot, 'node_modules', '.bin', 'node');

export interface McpProject {
  dir: string;
  env: Record<string, string>;
  trust(): Promise<void>;
  connect(name: string): Promise<Agent>;
  close(): Promise<void>;
}

export interface Agent {
  client: Client;
  stderr: () => string;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
}

export function textOf(r: CallToolResult): string {
  return r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

export function mcpProject(): McpProject {
  const copy = copySample();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' });
  const agents: Agent[] = [];
  return {
    dir: copy.dir,
    env,
    async trust() {
      const r = await runCli(['trust', '--project', copy.dir], env);
      if (r.code !== 0) throw new Error(`taskdeck trust failed: ${r.stderr}`);
    },
    async connect(name: string) {
      const transport = new StdioClientTransport({ command: node24, args: [cliPath, 'mcp', '--project', copy.dir], env, stderr: 'pipe', cwd: copy.dir });
      let err = '';
      transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      const client = new Client({ name, version: '1.0.0' });
      await client.connect(transport);
      const agent: Agent = {
        client,
        stderr: () => err,
        call: async (tool, args = {}) => (await client.callTool({ name: tool, arguments: args })) as CallToolResult,
      };
      agents.push(agent);
      return agent;
    },
    async close() {
      await Promise.allSettled(agents.map((a) => a.client.close()));
      rmSync(copy.root, { recursive: true, force: true });
    },
  };
}
