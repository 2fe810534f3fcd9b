// Commands get their options and actions only when they run (src/cli/lazyCommands.ts):
// every way of reaching a command's help must still show all of it, and the top-level
// help must still say which commands take options.
import { describe, expect, it } from 'vitest';
import { runCli } from './cliHarness';

/** `name [options] <args>` lines of the top-level help's Commands section. */
function commandTerms(help: string): { name: string; options: boolean }[] {
  const section = help.slice(help.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)(?:\|[a-z-]+)?( \[options\])?/gm)].map((m) => ({ name: m[1]!, options: m[2] !== undefined })).filter((c) => c.name !== 'help');
}

describe('commands completed on demand', () => {
  it('show the same help through `help NAME` and `NAME --help`, with the options the top-level help promises', async () => {
    const top = await runCli(['--help']);
    expect(top.status).toBe(0);
    const terms = commandTerms(top.stdout);
    expect(terms.length).toBeGreaterThan(30);
    for (const { name, options } of terms) {
      const [viaHelp, viaFlag] = await Promise.all([runCli(['help', name]), runCli([name, '--help'])]);
      expect(viaFlag.status, name).toBe(0);
      expect(viaHelp.stdout, name).toBe(viaFlag.stdout);
      const own = viaFlag.stdout.slice(viaFlag.stdout.indexOf('Options:')).split('\n').filter((l) => /^ {2}-/.test(l) && !l.includes('--help'));
      expect(own.length > 0, `${name}: [options] in the top-level help`).toBe(options);
    }
  }, 120_000);

  it('parse the options of the command that runs, and reject an unknown one with a suggestion', async () => {
    const bad = await runCli(['list', '--jsn']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("error: unknown option '--jsn'");
    expect(bad.stderr).toContain('(Did you mean --json?)');
    const nested = await runCli(['export', 'csv', '--help']);
    expect(nested.stdout).toContain('--bom');
  });
});
