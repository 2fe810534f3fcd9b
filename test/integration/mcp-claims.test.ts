// Agents claiming over `taskdeck mcp`: two clients claim one task at once and exactly one
// wins (the other is told who holds it); progress is recorded with the agent's name; a
// completed task is done in the backlog and in the record, with who and the notes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/index';
import { assertBuilt } from './engineCli';
import { mcpProject, textOf, type McpProject } from './mcpHarness';

let project: McpProject | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await project?.close();
  project = null;
});

function history(dir: string, taskId: string) {
  const opened = openStore(dir, { readonly: true });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.history(taskId, 50);
  } finally {
    opened.value.close();
  }
}

describe('taskdeck mcp: claims', () => {
  it('two agents claim the same task at once: exactly one wins, the other is told who holds it', async () => {
    project = mcpProject();
    const [a, b] = await Promise.all([project.connect('agent-a'), project.connect('agent-b')]);
    const results = await Promise.all([a.call('claim_task', { id: 'B-108' }), b.call('claim_task', { id: 'B-108' })]);
    const won = results.filter((r) => !r.isError);
    const lost = results.filter((r) => r.isError);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0]!.structuredContent as { owner: string }).owner;
    expect(['agent-a', 'agent-b']).toContain(winner);
    expect(textOf(lost[0]!)).toMatch(new RegExp(`B-108 is claimed by ${winner} until`));

    // Everyone sees the claim; the loser's next_task offers something else.
    const listed = await a.call('list_tasks', { status: 'todo' });
    const b108 = (listed.structuredContent as { tasks: { id: string; claim: { owner: string } | null }[] }).tasks.find((t) => t.id === 'B-108');
    expect(b108?.claim?.owner).toBe(winner);
    const loser = winner === 'agent-a' ? b : a;
    const next = await loser.call('next_task');
    expect((next.structuredContent as { task: { id: string } }).task.id).not.toBe('B-108');
    expect(textOf(next)).toMatch(/Why: /);

    // The loser cannot release or complete it; once the winner releases it, the loser can take it.
    expect((await loser.call('release_task', { id: 'B-108' })).structuredContent).toMatchObject({ released: false });
    const refused = await loser.call('complete_task', { id: 'B-108' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain(`claimed by ${winner}`);
    const holder = winner === 'agent-a' ? a : b;
    expect((await holder.call('release_task', { id: 'B-108' })).structuredContent).toMatchObject({ released: true });
    expect((await loser.call('claim_task', { id: 'B-108' })).isError).toBeFalsy();
  });

  it('two sessions of one agent (the same client name) never both hold a task', async () => {
    project = mcpProject();
    const [a, b] = await Promise.all([project.connect('same-agent'), project.connect('same-agent')]);
    const results = await Promise.all([a.call('claim_task', { id: 'B-111' }), b.call('claim_task', { id: 'B-111' })]);
    expect(results.filter((r) => !r.isError)).toHaveLength(1);
    expect(textOf(results.find((r) => r.isError)!)).toMatch(/B-111 is claimed by same-agent until .* UTC \(by another session under the same name/);
  });

  it('records progress and a completion with the agent\'s name, writing done to the backlog', async () => {
    project = mcpProject();
    const agent = await project.connect('agent-a');
    expect((await agent.call('claim_task', { id: 'B-108' })).isError).toBeFalsy();
    const progress = await agent.call('report_progress', { id: 'B-108', percent: 40, message: 'theme tokens in place' });
    expect(progress.isError).toBeFalsy();
    const done = await agent.call('complete_task', { id: 'B-108', outcome: 'done', notes: 'follows the system theme' });
    expect(done.isError).toBeFalsy();
    expect(textOf(done)).toContain('B-108 confirmed done by agent-a');

    expect(readFileSync(join(project.dir, 'backlog.md'), 'utf8')).toMatch(/\| B-108 \| Dark mode \| 🔧 \| 2 \| ✅ done/);
    const events = history(project.dir, 'B-108');
    expect(events.find((e) => e.type === 'progress')).toMatchObject({ message: '40% theme tokens in place (agent-a)', data: { percent: 40, by: 'agent-a' } });
    expect(events.find((e) => e.type === 'succeeded')).toMatchObject({ message: 'confirmed done by agent-a: follows the system theme', data: { confirmedBy: 'agent-a', notes: 'follows the system theme' } });
    // The claim went with the completion.
    const listed = await agent.call('get_task', { id: 'B-108' });
    expect((listed.structuredContent as { claim: unknown }).claim).toBeNull();
    expect((listed.structuredContent as { task: { status: string } }).task.status).toBe('done');
  });
});
