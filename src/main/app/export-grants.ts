// reports:write in the desktop app writes only where the user just said, in the save
// dialog, for that export. The main process records the dialog's answer (path and
// format) as a grant; a reports:write call passes only with a grant for exactly that
// path and format, and uses it up. Anything else that reaches reports:write (the
// renderer calling it over IPC, a path it made up, the same path a second time) is
// refused. Pure: no electron, so it is tested in plain Node.
import { resolve } from 'node:path';
import type { ApiResult, ExportFormat } from '../../shared/api';

export type ContractCall = (method: string, args: unknown) => Promise<ApiResult<unknown>>;

export interface SaveGrants {
  /** The save dialog returned `path` for an export in `format`. */
  grant(path: string, format: ExportFormat): void;
  /** True once for a granted path and format; the grant is gone afterwards. */
  take(path: string, format: ExportFormat): boolean;
}

export function createSaveGrants(): SaveGrants {
  const grants = new Map<string, ExportFormat>();
  return {
    grant(path, format) {
      grants.set(resolve(path), format);
    },
    take(path, format) {
      const key = resolve(path);
      if (grants.get(key) !== format) return false;
      grants.delete(key);
      return true;
    },
  };
}

const NOT_CHOSEN = {
  ok: false,
  error: { code: 'not-chosen', message: 'Taskdeck writes an export only to the file chosen for it in the save dialog (File > Export); this path was not.' },
} as const;

/** Wraps the app's one contract call so reports:write needs a grant from the save dialog. */
export function requireSaveGrant(call: ContractCall, grants: SaveGrants): ContractCall {
  return async (method, args) => {
    if (method !== 'reports:write') return call(method, args);
    const a = (typeof args === 'object' && args !== null ? args : {}) as { path?: unknown; format?: unknown };
    if (typeof a.path !== 'string' || typeof a.format !== 'string') return call(method, args); // dispatch names the bad argument
    if (!grants.take(a.path, a.format as ExportFormat)) return NOT_CHOSEN;
    return call(method, args);
  };
}
