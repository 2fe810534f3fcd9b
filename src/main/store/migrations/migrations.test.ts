// The written rules for migrations, enforced: numbered and additive. A shipped
// migration is never edited; schema changes append a new one. The one exception is
// migration 3 (the toolkit's columns): it renames our integer columns whose names the
// toolkit's text columns need and rebuilds execution_history to add its foreign key,
// copying every row; test/integration/store-toolkit-migration.test.ts proves no row is lost.
// And migration 7 (the toolkit's status words): it renames task_executions.status to
// state and drops and re-adds generated columns only (no stored value is lost);
// test/integration/store-toolkit-status-migration.test.ts proves every row is kept.
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

  /** Migrations allowed to rename columns and to drop generated (never stored) columns only. */
  const GENERATED_ONLY = new Set([7]);

  it.each(MIGRATIONS.map((sql, i) => [i + 1, sql] as const))('migration %i is additive (no DROP, no RENAME, no DELETE)', (n, sql) => {
    expect(sql).not.toMatch(/\bDELETE\s+FROM\b/i);
    if (GENERATED_ONLY.has(n)) {
      expect(sql).not.toMatch(/\bDROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b/i);
      expect(sql).not.toMatch(/\bRENAME\s+TO\b/i);
      // Every column it drops is generated in the schema before it (table_xinfo hidden 2 or 3).
      const db = new Database(':memory:');
      for (const earlier of MIGRATIONS.slice(0, n - 1)) db.exec(earlier);
      const drops = [...sql.matchAll(/ALTER TABLE (\w+) DROP COLUMN (\w+)/gi)];
      expect(drops.length).toBeGreaterThan(0);
      for (const [, table, column] of drops) {
        const info = (db.prepare(`PRAGMA table_xinfo(${table})`).all() as { name: string; hidden: number }[]).find((c) => c.name === column);
        expect(info?.hidden, `${table}.${column}`).toBeGreaterThanOrEqual(2);
      }
      db.close();
      return;
    }
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
