// Numbered migrations. Migration N brings a database from user_version N-1 to N; never
// edit a shipped one, append a new one (and update docs/database.md).
import { migration001 } from './001_initial';
import { migration002 } from './002_analytics';
import { migration003 } from './003_toolkit_columns';
import { migration004 } from './004_audit_log';
import { migration005 } from './005_attempt_worker';
import { migration006 } from './006_io_bytes';
import { migration007 } from './007_toolkit_status';
import { migration008 } from './008_last_run';

export const MIGRATIONS: readonly string[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];

/** The schema version this build writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables migration 1 creates; their presence tells our database from a foreign one. */
export const OWN_TABLES: readonly string[] = [
  'task_executions',
  'task_metadata',
  'execution_history',
  'performance_metrics',
  'run_attempts',
  'task_errors',
  'recovery_actions',
  'leases',
];
