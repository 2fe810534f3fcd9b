// Every change an agent makes over `taskdeck mcp` is in the audit log with the agent's
// name (from its MCP handshake) as who and `mcp` as where.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/index';
import { assertBuilt } from './engineCli';
import { mcpProject, type McpProject } from './mcpHarness';

let project: McpProject | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await project?.close();
  project = null;
});

describe('taskdeck mcp: audit', () => {
  it('records an agent’s edit and completion with its name, from mcp', async () => {
    project = mcpProject();
    const agent = await project.connect('refactor-bot');
    expect((await agent.call('update_task', { id: 'B-121', priority: 'low' })).isError).toBeFalsy();
    expect((await agent.call('claim_task', { id: 'B-108' })).isError).toBeFalsy();
    expect((await agent.call('complete_task', { id: 'B-108', notes: 'dark palette added' })).isError).toBeFalsy();
    const opened = openStore(project.dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      const rows = opened.value.audit({ limit: 50 });
      const edit = rows.find((r) => r.action === 'backlog-edit' && r.taskId === 'B-121');
      expect(edit).toMatchObject({ actor: 'refactor-bot', source: 'mcp' });
      expect(edit?.after).toMatchObject({ priority: 'low' });
      const confirm = rows.find((r) => r.action === 'confirm' && r.taskId === 'B-108');
      expect(confirm).toMatchObject({ actor: 'refactor-bot', source: 'mcp' });
      expect(confirm?.after).toMatchObject({ status: 'succeeded', notes: 'dark palette added' });
    } finally {
      opened.value.close();
    }
  });
});
