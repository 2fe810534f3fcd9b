// Which project the window opens on start. Pure: the caller supplies `exists` and
// performs the copy. Order: an explicit --project, then the last project, then the
// bundled sample (copied to a writable folder when packaged, since the app's own
// resources are read-only there), else nothing (the UI invites Open Folder).

export type StartupProject =
  | { kind: 'open'; dir: string; reason: 'argument' | 'last-project' | 'sample' }
  | { kind: 'copy-sample'; from: string; to: string }
  | { kind: 'none'; notes: string[] };

export interface StartupInput {
  argvProject: string | null;
  lastProject: string | null;
  isPackaged: boolean;
  bundledSampleDir: string;
  userDataSampleDir: string;
  exists: (dir: string) => boolean;
}

export function chooseStartupProject(input: StartupInput): StartupProject {
  const notes: string[] = [];
  if (input.argvProject !== null) {
    if (input.exists(input.argvProject)) return { kind: 'open', dir: input.argvProject, reason: 'argument' };
    notes.push(`The folder given with --project does not exist: ${input.argvProject}`);
  }
  if (input.lastProject !== null) {
    if (input.exists(input.lastProject)) return { kind: 'open', dir: input.lastProject, reason: 'last-project' };
    notes.push(`The last project folder is gone: ${input.lastProject}`);
  }
  if (!input.isPackaged) {
    if (input.exists(input.bundledSampleDir)) return { kind: 'open', dir: input.bundledSampleDir, reason: 'sample' };
    notes.push(`The sample project is missing: ${input.bundledSampleDir}`);
    return { kind: 'none', notes };
  }
  if (input.exists(input.userDataSampleDir)) return { kind: 'open', dir: input.userDataSampleDir, reason: 'sample' };
  if (input.exists(input.bundledSampleDir)) return { kind: 'copy-sample', from: input.bundledSampleDir, to: input.userDataSampleDir };
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
