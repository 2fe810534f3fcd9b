// A tool's answer, both readable (text) and structured (JSON), or a tool error with a
// message a person or an agent can act on: never an exception out of the server.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ApiError, ApiResult } from '../../shared/api';

export function answer(text: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data };
}

export function refuse(error: ApiError): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: error.message }], structuredContent: { error: { code: error.code, message: error.message } } };
}

/** An ok result shaped by `view`, or the error as a tool error. */
export function fromResult<T>(result: ApiResult<T>, view: (value: T) => CallToolResult): CallToolResult {
  return result.ok ? view(result.value) : refuse(result.error);
}

/** Runs a tool body; anything thrown (a bug) is answered as a tool error, the server stays up. */
export async function guarded(name: string, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (err) {
    return refuse({ code: 'internal', message: `${name} failed: ${err instanceof Error ? err.message : String(err)}` });
  }
}

export const pct = (p: number | null): string => (p === null ? 'n/a' : `${Math.round(p * 100)}%`);
export const secs = (ms: number | null): string => (ms === null ? 'n/a' : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);
