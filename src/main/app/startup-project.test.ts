import { describe, expect, it } from 'vitest';
import { chooseStartupProject, projectFromArgv, type StartupInput } from './startup-project';

const input = (over: Partial<StartupInput>, existing: string[]): StartupInput => ({
  argvProject: null,
  lastProject: null,
  isPackaged: false,
  bundledSampleDir: '/app/resources/sample-project',
  sampleCopyDir: '/home/me/.config/Taskdeck/sample-project',
  exists: (dir) => existing.includes(dir),
  ...over,
});

describe('chooseStartupProject', () => {
  it('prefers --project, then the last project', () => {
    expect(chooseStartupProject(input({ argvProject: '/p', lastProject: '/l' }, ['/p', '/l']))).toEqual({ kind: 'open', dir: '/p', reason: 'argument' });
    expect(chooseStartupProject(input({ argvProject: '/gone', lastProject: '/l' }, ['/l']))).toEqual({ kind: 'open', dir: '/l', reason: 'last-project' });
  });
  it('never opens the bundled sample in place, in development either: it copies it to userData', () => {
    expect(chooseStartupProject(input({}, ['/app/resources/sample-project']))).toEqual({ kind: 'copy-sample', from: '/app/resources/sample-project', to: '/home/me/.config/Taskdeck/sample-project' });
  });
  it('opens the sample copy with --sample even when another project was open last', () => {
    expect(chooseStartupProject(input({ argvSample: true, lastProject: '/l' }, ['/l', '/app/resources/sample-project', '/home/me/.config/Taskdeck/sample-project']))).toEqual({ kind: 'open', dir: '/home/me/.config/Taskdeck/sample-project', reason: 'sample' });
  });
  it('copies the sample to userData on the first packaged start, then reuses the copy', () => {
    expect(chooseStartupProject(input({ isPackaged: true }, ['/app/resources/sample-project']))).toEqual({ kind: 'copy-sample', from: '/app/resources/sample-project', to: '/home/me/.config/Taskdeck/sample-project' });
    expect(chooseStartupProject(input({ isPackaged: true }, ['/app/resources/sample-project', '/home/me/.config/Taskdeck/sample-project']))).toEqual({ kind: 'open', dir: '/home/me/.config/Taskdeck/sample-project', reason: 'sample' });
  });
  it('explains why nothing opened', () => {
    const result = chooseStartupProject(input({ lastProject: '/l' }, []));
    expect(result).toEqual({ kind: 'none', notes: ['The last project folder is gone: /l', 'The sample project is missing: /app/resources/sample-project'] });
  });
});

describe('projectFromArgv', () => {
  it('reads both spellings and ignores other switches', () => {
    expect(projectFromArgv(['/usr/bin/electron', '.', '--project', '/x'])).toBe('/x');
    expect(projectFromArgv(['taskdeck', '--no-sandbox', '--project=/y z'])).toBe('/y z');
    expect(projectFromArgv(['taskdeck', '--project', '--inspect'])).toBeNull();
    expect(projectFromArgv(['taskdeck', '/some/positional'])).toBeNull();
  });
});
