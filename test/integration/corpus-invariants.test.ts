// Invariants that must hold for every one of the corpus files.
import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { buildGraph } from '../../src/main/core/backlog/graph';
import type { Task } from '../../src/shared/backlog';
import { corpusFiles, readCorpus } from './corpusFiles';

const TASK_KEYS: (keyof Task)[] = [
  'id',
  'title',
  'priority',
  'priorityRaw',
  'points',
  'status',
  'statusRaw',
  'description',
  'techFootprint',
  'dependencies',
  'dependencyNotes',
  'score',
  'scoreTotal',
  'humanRequired',
  'humanReason',
  'executor',
  'sprint',
  'metadata',
  'rank',
  'section',
  'line',
];
const ID = /^[A-Z]+-\d+(?:-[A-Za-z0-9]+)*$/;

const files = corpusFiles();

describe('corpus invariants', () => {
  it('has all 104 files', () => {
    expect(files).toHaveLength(104);
  });

  describe.each(files)('%s', (name) => {
    const text = readCorpus(name);
    const r = parseBacklog(text);

    it('defines 70 to 126 tasks with unique ASCII-hyphen IDs and dense ranks', () => {
      expect(r.tasks.length).toBeGreaterThanOrEqual(70);
      expect(r.tasks.length).toBeLessThanOrEqual(126);
      const ids = r.tasks.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(ID);
      expect(r.tasks.map((t) => t.rank)).toEqual(r.tasks.map((_, i) => i));
      const lines = r.tasks.map((t) => t.line);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    });

    it('gives every task every field, and a line that holds its ID', () => {
      for (const t of r.tasks) {
        expect(Object.keys(t).sort()).toEqual([...TASK_KEYS].sort());
        const line = r.source.lines[t.line - 1].replace(/\u2011/g, '-');
        expect(line).toContain(t.id);
        for (const s of t.section) expect(s.trim()).toBe(s);
      }
    });

    it('maps each task to a block around its line, and blocks do not overlap', () => {
      const blocks = r.tasks.map((t) => {
        const src = r.source.tasks.get(t.id);
        expect(src).toBeDefined();
        const s = src!;
        expect(s.blockStart).toBeLessThanOrEqual(t.line - 1);
        expect(t.line - 1).toBeLessThan(s.blockEnd);
        for (const c of Object.values(s.comments)) expect(c.end).toBeGreaterThan(c.start);
        return [s.blockStart, s.blockEnd] as const;
      });
      const sorted = [...blocks].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i][0]).toBeGreaterThanOrEqual(sorted[i - 1][1]);
      expect(r.source.tasks.size).toBe(r.tasks.length);
    });

    it('keeps the text byte for byte in lines and line endings', () => {
      const rebuilt = (r.source.bom ? '\uFEFF' : '') + r.source.lines.map((l, i) => l + r.source.eols[i]).join('');
      expect(rebuilt).toBe(text);
    });

    it('has every dependency either defined or reported missing, and well-formed diagnostics', () => {
      const defined = new Set(r.tasks.map((t) => t.id));
      const graph = buildGraph(r.tasks);
      const missing = new Map(graph.missing.map((m) => [m.taskId, m.missing]));
      for (const t of r.tasks) {
        for (const d of t.dependencies) {
          expect(d).toMatch(ID);
          if (!defined.has(d)) expect(missing.get(t.id)).toContain(d);
        }
      }
      for (const d of r.diagnostics) {
        expect(['error', 'warning', 'info']).toContain(d.severity);
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.line).not.toBeNull();
        expect(d.line!).toBeGreaterThanOrEqual(1);
        expect(d.line!).toBeLessThanOrEqual(r.source.lines.length);
      }
    });
  });
});
