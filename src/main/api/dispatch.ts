// The single entry point every transport calls: checks the method exists, validates the
// argument with the contract's schema, runs the handler, and turns anything thrown into
// an error value, so no transport ever sees an exception.
import { methods } from '../../shared/api';
import type { ApiResult, MethodName } from '../../shared/api';
import { storeErrorOf } from '../store/storeFault';
import type { HandlerTable } from './handlers/types';

function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export async function dispatch(handlers: HandlerTable, method: string, args: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}".` } };
  }
  const parsed = methods[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`);
    return { ok: false, error: { code: 'bad-arguments', message: `Bad arguments for ${method}: ${issues.join('; ')}` } };
  }
  try {
    // The table maps each name to the handler for exactly that name's (validated) argument.
    const handler = handlers[method] as (a: unknown) => Promise<ApiResult<unknown>>;
    return await handler(parsed.data);
  } catch (err) {
    // A failing run record (damaged, full, read-only, locked) answers with its documented
    // code (db-corrupt, disk-full, ...), whether a Store method or a raw query threw it.
    const stored = storeErrorOf(err, '');
    if (stored) return { ok: false, error: { code: stored.code, message: stored.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
  }
}
