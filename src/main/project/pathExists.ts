// Whether something is at a path (following links), as one await: the loader's and the
// new-backlog writer's "is it there?".
import { stat } from 'node:fs/promises';

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
