// Registering every command's options costs each CLI start about 4 ms (some 200 Option
// objects and their listeners, run by a cold interpreter) for commands it will not run.
// Here each command is created at once with what the top-level help shows (name, alias,
// arguments, description); its options, help text, action and subcommands are recorded
// and applied just before commander dispatches to it (the preSubcommand hook, which
// `taskdeck help list` and `taskdeck list --help` go through too). The register functions
// stay ordinary commander chains: they receive `deferringProgram(program)`.
import { Help, type Command } from 'commander';

/** The calls that only matter once the command runs or shows its own help. */
const DEFERRED = new Set(['option', 'requiredOption', 'addOption', 'addHelpText', 'action', 'command', 'addCommand', 'hook']);
const OPTION_CALLS = new Set(['option', 'requiredOption', 'addOption']);

interface Call {
  method: string;
  args: unknown[];
  /** The calls made on what `command(...)` returned (a nested command), replayed on it. */
  nested?: Call[];
}

const pending = new WeakMap<Command, Call[]>();
/** The deferring stand-in of each command, so `program.commands` hands out the same one. */
const standIns = new WeakMap<Command, Command>();
const hasOptions = new WeakSet<Command>();

/** Records every call: the stand-in a deferred `command(...)` hands back for chaining. */
function recorder(calls: Call[]): unknown {
  const proxy: unknown = new Proxy(
    {},
    {
      get: (_, method) => (...args: unknown[]) => {
        const call: Call = { method: String(method), args };
        calls.push(call);
        if (call.method === 'command') return recorder((call.nested = []));
        return proxy;
      },
    },
  );
  return proxy;
}

/** A command whose deferred calls are recorded; the others go to it at once. */
function deferring(cmd: Command): Command {
  const calls: Call[] = [];
  pending.set(cmd, calls);
  // `taskdeck help list` shows the command's help without dispatching to it: every help
  // goes through helpInformation, so the command is completed there too.
  const helpInformation = cmd.helpInformation.bind(cmd);
  cmd.helpInformation = (...args: Parameters<Command['helpInformation']>) => {
    completeCommand(cmd);
    return helpInformation(...args);
  };
  const proxy: Command = new Proxy(cmd, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const method = String(key);
      if (!DEFERRED.has(method)) {
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result === target ? receiver : result;
        };
      }
      return (...args: unknown[]) => {
        const call: Call = { method, args };
        calls.push(call);
        if (OPTION_CALLS.has(method)) hasOptions.add(target);
        if (method === 'command') return recorder((call.nested = []));
        return receiver;
      };
    },
  });
  standIns.set(cmd, proxy);
  return proxy;
}

function replay(target: unknown, calls: Call[]): void {
  for (const call of calls) {
    const result = (target as Record<string, (...a: unknown[]) => unknown>)[call.method]!(...call.args);
    if (call.nested) replay(result, call.nested);
  }
}

/** Applies a command's recorded calls (once). */
export function completeCommand(cmd: Command): void {
  const calls = pending.get(cmd);
  if (!calls) return;
  pending.delete(cmd);
  replay(cmd, calls);
}

/**
 * The program as the register functions see it: `program.command(...)` hands back a
 * deferring command. The program completes a command before dispatching to it, and its
 * help still writes `list [options]` for a command whose options wait.
 */
export function deferringProgram(program: Command): Command {
  program.hook('preSubcommand', (_program, sub) => completeCommand(sub));
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command): string {
      const term = Help.prototype.subcommandTerm.call(this, cmd);
      if (cmd.options.length > 0 || !hasOptions.has(cmd)) return term;
      const head = cmd.name() + (cmd.aliases()[0] ? `|${cmd.aliases()[0]}` : '');
      return `${head} [options]${term.slice(head.length)}`;
    },
  });
  return new Proxy(program, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      // A register function that looks a command up (`export`, shared by two) gets its stand-in.
      if (key === 'commands') return (value as Command[]).map((c) => standIns.get(c) ?? c);
      if (key !== 'command' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => deferring(value.apply(target, args) as Command);
    },
  });
}
