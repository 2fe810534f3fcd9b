// Argument schemas the tools share (zod, checked by the SDK before a tool runs; the
// contract's schemas check them again at dispatch). Never a path: tools act on the
// project the server was started for, nothing else.
import { z } from 'zod';
import { PRIORITIES, STATUSES } from '../../../shared/backlog';
import type { Priority, Status } from '../../../shared/backlog';

export const taskIdArg = z.string().trim().min(1).max(200).describe('a task ID, e.g. B-104');
export const statusArg = z.enum(STATUSES as [Status, ...Status[]]);
type Settable = Exclude<Priority, 'unknown'>;
export const priorityArg = z.enum(PRIORITIES.filter((p): p is Settable => p !== 'unknown') as [Settable, ...Settable[]]);
export const ownerArg = z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/, 'one line').describe('who (default: this MCP client\'s name)');
export const expectedHashArg = z.string().min(1).max(200).describe('refuse the edit unless the backlog is still this version (the hash list_tasks answered)');
