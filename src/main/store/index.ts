// The SQLite state manager: the record of every run attempt, event, error and recovery.
export { openStore, openStoreFile, storePath, STORE_DIR, STORE_FILE } from './openStore';
export { SCHEMA_VERSION } from './migrations/index';
export type * from './types';
export { EXECUTION_STATUSES } from './types';
export { writeHistoryCsv, csvCell, csvRow, HISTORY_CSV_COLUMNS } from './historyCsv';
export type { CsvOptions } from './historyCsv';
export { StoreFault, storeErrorOf, asStoreFault } from './storeFault';
export { auditOrigin, osUser, setAuditSource, AUDIT_SOURCES } from './auditOrigin';
export type { AuditOrigin, AuditSource } from './auditOrigin';
export type { AuditAction, AuditEntry, AuditInput } from './audit';
export type { ArchiveImportResult } from './archiveImport';
export { ARCHIVED_TABLES, readArchive } from './archive';
