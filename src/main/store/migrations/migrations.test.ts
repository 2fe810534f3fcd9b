// The written rules for migrations, enforced: numbered and additive. A shipped
// migration is never edited; schema changes append a new one.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS, OWN_TABLES, SCHEMA_VERSION } from './index';

describe('migrations', () => {
  it('the schema version is the number of migrations', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(SCHEMA_VERSION).toBeGreaterThan(0);
  });

  it.each(MIGRATIONS.map((sql, i) => [i + 1, sql] as const))('migration %i is additive (no DROP, no RENAME, no DELETE)', (_n, sql) => {
    expect(sql).not.toMatch(/\bDROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b/i);
    expect(sql).not.toMatch(/\bRENAME\b/i);
    expect(sql).not.toMatch(/\bDELETE\s+FROM\b/i);
  });

  it('applied in order to an empty database, they create every table the store checks for', () => {
    const db = new Database(':memory:');
    for (const sql of MIGRATIONS) db.exec(sql);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining([...OWN_TABLES]));
    db.close();
  });
});
