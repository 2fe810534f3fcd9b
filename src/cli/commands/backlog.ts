// The backlog commands: list, show, validate, graph, set, depend, move, add, edit, archive, remove. Registration only;
// each action loads its module when it runs, so `taskdeck --help` loads none of them.
import { Command, Option } from 'commander';
import { PRIORITIES, STATUSES } from '../../shared/backlog';
import { reportFailure } from '../output/fail';

/** --project / --file, shared by every command that reads a backlog. */
export function withProjectOptions(cmd: Command): Command {
  return cmd
    .option('--project <dir>', 'project folder (default: the current folder)')
    .option('--file <path>', 'backlog file to use instead of discovering it in the project folder');
}

/** The read-only commands' module, loaded when one of them runs. */
const readCommands = () => import('../backlog/readCommands');

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Runs an action, turning its CliFailure into a message on stderr and exit code 1. */
function run<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      reportFailure(err);
    }
  };
}

export function registerBacklogCommands(program: Command): void {
  withProjectOptions(program.command('list'))
    .description("List the backlog's tasks: a table on a terminal, or JSON for scripts")
    .addOption(new Option('--json', "print the format contract's JSON ({ file, tasks, diagnostics })").conflicts('format'))
    .addOption(new Option('--format <format>', 'table (on a terminal), json (the same as --json) or csv').choices(['table', 'json', 'csv']))
    .addOption(new Option('--status <status>', 'only tasks with this status').choices(STATUSES))
    .addOption(new Option('--priority <priority>', 'only tasks with this priority').choices(PRIORITIES))
    .option('--sprint <name>', 'only tasks in this sprint')
    .option('--ready', 'only tasks that can start now (not done, not marked blocked, every dependency done)')
    .addHelpText('after', examples('taskdeck list', 'taskdeck list --ready --priority critical', 'taskdeck list --json --project ../my-app', 'taskdeck list --format csv > tasks.csv', 'taskdeck list --sprint 2026-S48 --file docs/backlog.md'))
    .action(run(async (opts: import('../backlog/list').ListOptions) => (await import('../backlog/list')).listCommand(opts)));

  withProjectOptions(program.command('show'))
    .description('Show one task with its dependencies, dependents and what blocks it')
    .argument('<id>', 'task ID, like B-049')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('taskdeck show B-049', 'taskdeck show B-049 --json'))
    .action(run(async (id: string, opts: { json?: boolean; project?: string; file?: string }) => (await readCommands()).showCommand(id, opts)));

  withProjectOptions(program.command('validate'))
    .description('Check dependencies: exit 0 when all exist and none loops, else exit 1')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('taskdeck validate', 'taskdeck validate --json --file 000_core/000_backlog.md'))
    .action(run(async (opts: { json?: boolean; project?: string; file?: string }) => (await readCommands()).validateCommand(opts)));

  withProjectOptions(program.command('graph'))
    .description('Print the dependency graph: the order tasks can be done in, JSON, or Graphviz DOT')
    .addOption(new Option('--json', 'print JSON (nodes, edges, order, ready, missing, cycles)').conflicts('dot'))
    .addOption(new Option('--dot', 'print Graphviz DOT; edges point from a task to what it depends on').conflicts('json'))
    .addHelpText('after', examples('taskdeck graph', 'taskdeck graph --dot | dot -Tsvg > deps.svg', 'taskdeck graph --json'))
    .action(run(async (opts: { json?: boolean; dot?: boolean; project?: string; file?: string }) => (await readCommands()).graphCommand(opts)));

  withProjectOptions(program.command('set'))
    .description("Set a task's status, priority, points, title or sprint in the file")
    .argument('<id>', 'task ID')
    .argument('<field>', 'status | priority | points | title | sprint')
    .argument('<value>', 'the new value (sprint: a name, or "none" to clear it)')
    .addHelpText('after', examples('taskdeck set B-049 status done', 'taskdeck set B-049 priority high', 'taskdeck set B-049 points 5', 'taskdeck set B-049 title "Search by ingredient"', 'taskdeck set B-049 sprint 2026-S48', 'taskdeck set B-049 sprint none'))
    .action(run(async (id: string, field: string, value: string, opts: { project?: string; file?: string }) => (await import('../backlog/edit')).setCommand(id, field, value, opts)));

  withProjectOptions(program.command('depend'))
    .description('Add a dependency to a task (or remove one with --remove)')
    .argument('<id>', 'the task that waits')
    .argument('<dep>', 'the task it waits on')
    .option('--remove', 'remove the dependency instead of adding it')
    .addHelpText('after', examples('taskdeck depend B-050 B-049', 'taskdeck depend B-050 B-049 --remove'))
    .action(run(async (id: string, dep: string, opts: { remove?: boolean; project?: string; file?: string }) => (await import('../backlog/edit')).dependCommand(id, dep, opts)));

  withProjectOptions(program.command('move'))
    .description('Move a task (its row or heading block, with its comments) in the file')
    .argument('<id>', 'task ID')
    .option('--before <id>', 'put it just before this task')
    .option('--after <id>', 'put it just after this task')
    .option('--top', 'put it first in its table or section')
    .option('--section <name>', 'move it into this section (heading text)')
    .addHelpText('after', examples('taskdeck move B-050 --before B-049', 'taskdeck move B-050 --top', 'taskdeck move B-050 --section "Completed Items"'))
    .action(run(async (id: string, opts: import('../backlog/edit').MoveOptions) => (await import('../backlog/edit')).moveCommand(id, opts)));

  withProjectOptions(program.command('add'))
    .description("Add a task, written the way its neighbours are; prints its new ID")
    .argument('<title>', 'the task title')
    .option('--priority <priority>', 'critical | high | medium | low (or P0-P3); default medium')
    .option('--points <n>', 'estimate in points')
    .option('--status <status>', 'todo | in_progress | blocked | done | failed | skipped; default todo')
    .option('--sprint <name>', 'the sprint it belongs to')
    .option('--depends <ids>', 'tasks it depends on, comma-separated: B-1,B-2')
    .option('--description <text>', 'what and why (several lines on a heading task keep their Markdown)')
    .option('--run <command>', 'the command that runs it (a <!-- run: --> comment)')
    .option('--human <reason>', 'it needs a person, for this reason')
    .option('--before <id>', 'put it just before this task')
    .option('--after <id>', 'put it just after this task')
    .option('--section <name>', 'put it at the end of this section (heading text)')
    .option('--id <id>', 'use this ID instead of the next free one (refused if taken)')
    .option('--json', 'print the new task as `list --json` shows it')
    .addHelpText('after', examples('taskdeck add "Search by ingredient" --priority high --points 3', 'taskdeck add "Export recipes" --depends B-101,B-102 --run "npm test"', 'taskdeck add "Fix login" --after B-049 --json'))
    .action(run(async (title: string, opts: import('../backlog/add').AddOptions) => (await import('../backlog/add')).addCommand(title, opts)));

  withProjectOptions(program.command('edit'))
    .description('Change several fields of a task in one write (title, description, points, ...)')
    .argument('<id>', 'task ID')
    .option('--title <text>', 'new title')
    .option('--description <text>', 'new description')
    .option('--points <n>', 'new estimate')
    .option('--priority <priority>', 'new priority')
    .option('--status <status>', 'new status')
    .option('--sprint <name>', 'new sprint ("none" clears it)')
    .option('--depends <ids>', 'the full dependency list, comma-separated ("none" clears it)')
    .addHelpText('after', examples('taskdeck edit B-049 --description "Find recipes by what is in the fridge"', 'taskdeck edit B-049 --title "Search" --points 5 --depends B-048'))
    .action(run(async (id: string, opts: import('../backlog/planCommands').EditOptions) => (await import('../backlog/planCommands')).editCommand(id, opts)));

  withProjectOptions(program.command('archive'))
    .description('Move a task to the archive section (Archive, Completed or Done; else a new ## Archive)')
    .argument('<id>', 'task ID')
    .addHelpText('after', examples('taskdeck archive B-049'))
    .action(run(async (id: string, opts: { project?: string; file?: string }) => (await import('../backlog/planCommands')).archiveCommand(id, opts)));

  withProjectOptions(program.command('remove'))
    .description('Delete a task from the file (refused while others depend on it, unless --force)')
    .argument('<id>', 'task ID')
    .option('--force', "also remove other tasks' dependencies on it")
    .addHelpText('after', examples('taskdeck remove B-049', 'taskdeck remove B-049 --force'))
    .action(run(async (id: string, opts: { force?: boolean; project?: string; file?: string }) => (await import('../backlog/planCommands')).removeCommand(id, opts)));
}
