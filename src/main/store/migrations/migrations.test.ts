// The written rules for migrations, enforced: numbered and additive. A shipped
// migration is never edited; schema changes append a new one. The one exception is
// migration 3 (the toolkit's columns): it renames our integer columns whose names the
// toolkit's text columns need and rebuilds execution_history to add its foreign key,
// copying every row; test/integration/store-toolkit-migration.test.ts proves no row is lost.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS, OWN_TABLES, SCHEMA_VERSION } from './index';

describe('migrations', () => {
  it('the schema version is the number of migrations', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(SCHEMA_VERSION).toBeGreaterThan(0);
  });

  /** Migrations allowed to rename columns and rebuild one table (table to rebuild, by migration number). */
  const REBUILDS: Record<number, string> = { 3: 'execution_history' };

  it.each(MIGRATIONS.map((sql, i) => [i + 1, sql] as const))('migration %i is additive (no DROP, no RENAME, no DELETE)', (n, sql) => {
    expect(sql).not.toMatch(/\bDELETE\s+FROM\b/i);
    const rebuilt = REBUILDS[n];
    if (rebuilt === undefined) {
      expect(sql).not.toMatch(/\bDROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b/i);
      expect(sql).not.toMatch(/\bRENAME\b/i);
      return;
    }
    // A rebuild copies every row into the new table before dropping the old one, and drops nothing else.
    expect(sql.match(/\bDROP\s+(TABLE|INDEX|VIEW|TRIGGER)\s+\w+/gi)).toEqual([`DROP TABLE ${rebuilt}`]);
    expect(sql.indexOf(`INSERT INTO ${rebuilt}_v${n}`)).toBeGreaterThan(-1);
    expect(sql.indexOf(`INSERT INTO ${rebuilt}_v${n}`)).toBeLessThan(sql.indexOf(`DROP TABLE ${rebuilt}`));
    expect(sql).toMatch(new RegExp(`ALTER TABLE ${rebuilt}_v${n} RENAME TO ${rebuilt};`));
  });

  it('applied in order to an empty database, they create every table the store checks for', () => {
    const db = new Database(':memory:');
    for (const sql of MIGRATIONS) db.exec(sql);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining([...OWN_TABLES]));
    db.close();
  });
});
