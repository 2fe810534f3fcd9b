// The one schema for a task ID in every request: read through canonicalTaskId, so
// `b-049` and `B‑049` name B-049 over IPC, the web host and MCP as they do on the CLI.
import { z } from 'zod';
import { canonicalTaskId } from '../taskIdGrammar';

export const taskIdSchema = z.string().trim().min(1).max(200).transform(canonicalTaskId);
