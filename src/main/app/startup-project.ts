// Which project the window opens on start. Pure: the caller supplies `exists` and
// performs the copy. Order: an explicit --project (or --sample, which `npm start` passes
// when given no folder), then the last project, then the sample, else nothing (the UI
// invites Open Folder). The sample always opens as a copy (project/sampleProject): the
// bundled one is tracked by git in the repository and read-only in an installed app.

export type StartupProject =
  | { kind: 'open'; dir: string; reason: 'argument' | 'last-project' | 'sample' }
  | { kind: 'copy-sample'; from: string; to: string }
  | { kind: 'none'; notes: string[] };

export interface StartupInput {
  argvProject: string | null;
  /** `--sample` on the command line: open the sample project whatever was open last. */
  argvSample?: boolean;
  lastProject: string | null;
  isPackaged: boolean;
  bundledSampleDir: string;
  sampleCopyDir: string;
  exists: (dir: string) => boolean;
}

export function chooseStartupProject(input: StartupInput): StartupProject {
  const notes: string[] = [];
  if (input.argvProject !== null) {
    if (input.exists(input.argvProject)) return { kind: 'open', dir: input.argvProject, reason: 'argument' };
    notes.push(`The folder given with --project does not exist: ${input.argvProject}`);
  }
  if (input.argvSample !== true && input.lastProject !== null) {
    if (input.exists(input.lastProject)) return { kind: 'open', dir: input.lastProject, reason: 'last-project' };
    notes.push(`The last project folder is gone: ${input.lastProject}`);
  }
  if (input.exists(input.sampleCopyDir)) return { kind: 'open', dir: input.sampleCopyDir, reason: 'sample' };
  if (input.exists(input.bundledSampleDir)) return { kind: 'copy-sample', from: input.bundledSampleDir, to: input.sampleCopyDir };
  notes.push(`The sample project is missing: ${input.bundledSampleDir}`);
  return { kind: 'none', notes };
}

/** Reads `--project DIR` or `--project=DIR`; other arguments (Chromium's) are ignored. */
export function projectFromArgv(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg.startsWith('--project=')) {
      const value = arg.slice('--project='.length);
      return value === '' ? null : value;
    }
    if (arg === '--project') {
      const value = argv[i + 1];
      return value === undefined || value === '' || value.startsWith('--') ? null : value;
    }
  }
  return null;
}
