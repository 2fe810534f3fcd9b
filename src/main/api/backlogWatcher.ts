// Watches a project's backlog file and taskdeck.json. Editors save in bursts (truncate,
// write, rename), so changes are settled (chokidar's awaitWriteFinish plus a short
// debounce) before one callback fires. The folders are watched, not the file, because
// an atomic save replaces the file's inode.
import { basename, dirname, resolve } from 'node:path';
import { watch } from 'chokidar';

export interface BacklogWatcher {
  close(): Promise<void>;
}

export function watchBacklog(projectDir: string, backlogPath: string, onChange: () => void, debounceMs = 60): BacklogWatcher {
  const wanted = new Set([resolve(backlogPath), resolve(projectDir, 'taskdeck.json')]);
  const roots = [...new Set([dirname(resolve(backlogPath)), resolve(projectDir)])];
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(roots, {
    ignoreInitial: true,
    depth: 0,
    ignored: (path: string) => {
      const name = basename(path);
      if (name === '.git' || name === 'node_modules' || name === '.taskdeck') return true;
      const abs = resolve(path);
      return !(wanted.has(abs) || roots.includes(abs));
    },
    awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 40 },
  });
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  watcher.on('add', fire).on('change', fire).on('unlink', fire);
  return {
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
