// Real cases from the corpus, each value checked by hand against the file.
import { describe, expect, it } from 'vitest';
import { parseBacklog, type ParseResult } from '../../src/main/core/backlog';
import type { Task } from '../../src/shared/backlog';
import { readCorpus } from './corpusFiles';

const cache = new Map<string, ParseResult>();
function parsed(name: string): ParseResult {
  let r = cache.get(name);
  if (r === undefined) {
    r = parseBacklog(readCorpus(name));
    cache.set(name, r);
  }
  return r;
}
function task(name: string, id: string): Task {
  const t = parsed(name).tasks.find((x) => x.id === id);
  if (t === undefined) throw new Error(`${id} not found in ${name}`);
  return t;
}

const OLDEST = 'backlog-20250807-043812-2505c22b.md';
const WRAPPED = 'backlog-20250815-031252-b5a06cf9.md';
const MID = 'backlog-20250824-153411-0f812293.md';
const LATE_AUGUST = 'backlog-20250830-064918-bea1473d.md';
const NEWEST = 'backlog-20250915-034335-a4919e67.md';

describe('corpus: the oldest file (2025-08-07)', () => {
  it('reads a U+2011 ID with ASCII hyphens and its score comments (the last of two wins)', () => {
    expect(readCorpus(OLDEST).split('\n')[25]).toContain('B\u2011000');
    const t = task(OLDEST, 'B-000');
    expect([t.line, t.title, t.priority, t.points, t.status, t.statusRaw]).toEqual([26, 'v0.3.1-rc3 Core Hardening', 'critical', 3, 'done', '✅ done']);
    expect(t.score).toEqual({ bv: 5, tc: 5, rr: 5, le: 5, effort: 3 });
    expect(t.scoreTotal).toBe(6.7);
    expect(t.dependencies).toEqual([]);
    expect(Object.keys(t.metadata)).toEqual(['progress']);
  });

  it('reads human_required with its reason, and a default executor', () => {
    const b9 = task(OLDEST, 'B-009');
    expect([b9.line, b9.humanRequired, b9.humanReason]).toEqual([64, true, 'Requires external API credentials and business requirements definition']);
    expect([b9.dependencies, b9.dependencyNotes]).toEqual([[], 'External APIs']);
    expect(task(OLDEST, 'B-002').executor).toEqual({ kind: 'named', name: '003_process-task-list.md' });
  });

  it('reads header-less rows under a later heading in the canonical layout', () => {
    const t = task(OLDEST, 'B-034');
    expect([t.line, t.title, t.points, t.dependencies, t.dependencyNotes, t.scoreTotal]).toEqual([
      322,
      'Deep Research Agent Integration',
      5,
      ['B-011'],
      'Cursor Native AI Integration',
      3.2,
    ]);
    expect(t.section).toEqual(['🎯 AI Development Ecosystem - Product Backlog', '🚀 Future Model Roadmap']);
    const src = parsed(OLDEST).source.tasks.get('B-034');
    expect(src?.def.kind === 'row' && src.def.table.headerLine).toBeNull();
  });

  it('reads the 7-column "Setup Required" table with its extra columns as metadata', () => {
    const t = task(OLDEST, 'S-001');
    expect([t.title, t.points, t.status, t.statusRaw]).toEqual(['n8n Installation & Configuration', 1, 'todo', 'setup-required']);
    expect(t.metadata['Setup Required']).toBe('n8n installation + API key + webhook setup');
    expect(parsed(OLDEST).diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-status', taskId: 'S-001', severity: 'warning' }));
  });
});

describe('corpus: hard-wrapped rows (2025-08-15)', () => {
  it('joins a row wrapped over two lines', () => {
    const t = task(WRAPPED, 'B-000');
    expect(t.line).toBe(183);
    expect(t.description).toBe('Implement critical security and reliability fixes for production readiness');
    expect(t.techFootprint).toBe('DSPy + PostgreSQL + Security + Monitoring');
    const src = parsed(WRAPPED).source.tasks.get('B-000');
    expect(src?.def.kind === 'row' && [src.def.rowStart, src.def.rowEnd]).toEqual([182, 184]);
    // The multi-line progress comment is attached and inside the block.
    expect(src?.comments.progress).toEqual({ start: 186, end: 189 });
    expect(src?.blockEnd).toBe(191);
  });
});

describe('corpus: mid August (2025-08-24)', () => {
  it('reads fractional points, a three-line row and score deps', () => {
    const t = task(MID, 'B-062');
    expect([t.line, t.points, t.priority, t.status]).toEqual([315, 0.5, 'low', 'done']);
    expect(t.techFootprint).toBe('Guide Generation + Cross-Reference Aggregation + Tier Lists');
    expect([t.dependencies, t.dependencyNotes]).toEqual([['B-060'], 'Documentation Coherence Validation System']);
    expect(t.score).toEqual({ bv: 3, tc: 2, rr: 2, le: 2, effort: 0.5 });
    expect(t.scoreTotal).toBe(8);
  });

  it('fills what a first definition lacks from a later one (multi-line score comment)', () => {
    const t = task(MID, 'B-091');
    expect([t.line, t.title, t.points]).toEqual([232, 'Test 001 Workflow Performance', 3]);
    expect(t.score).toEqual({ bv: 5, tc: 3, rr: 4, le: 3, effort: 2 });
    expect(parsed(MID).diagnostics).toContainEqual({
      severity: 'warning',
      code: 'duplicate-id',
      message: 'B-091 is defined on line 232 and again on line 741; they differ in title, points, priority. The first definition is used.',
      line: 741,
      taskId: 'B-091',
    });
  });
});

describe('corpus: late August (2025-08-30)', () => {
  it('reads a row written with a leading empty cell (`|| B-100 |`)', () => {
    const t = task(LATE_AUGUST, 'B-100');
    expect([t.line, t.title, t.priority, t.points, t.status]).toEqual([1788, 'Coder Role Implementation for Memory Rehydration System', 'critical', 5, 'todo']);
    expect(t.scoreTotal).toBe(4.6);
  });

  it('ends a wrapped row at a line that starts with a pipe', () => {
    const t = task(LATE_AUGUST, 'B-025');
    expect([t.line, t.description, t.techFootprint]).toEqual([2399, 'Automatically update backlog status via database events', '']);
  });
});

describe('corpus: the newest file (2025-09-15)', () => {
  it('reads a heading task with bullet fields', () => {
    const t = task(NEWEST, 'B-1061');
    expect(t.line).toBe(28);
    expect(t.title).toBe('Memory System Integration: Heuristic Extractor + Multi-Signal Guard for Overflow Compaction & Knowledge Graph Enhancement');
    expect([t.priority, t.points, t.status]).toEqual(['critical', 5, 'todo']);
    expect(t.dependencies).toEqual(['B-1060', 'B-1045']);
    expect(t.dependencyNotes).toBe('(Academic Citation Quality Gates), (RAG Evaluation System)');
    expect(t.section).toEqual(['📋 Backlog', '✅ Completed Major Features']);
    expect(task(NEWEST, 'B-1062').status).toBe('blocked');
  });

  it('does not take B-XXXX for an ID', () => {
    expect(parsed(NEWEST).tasks.some((t) => t.id.includes('XXXX'))).toBe(false);
  });

  it('keeps the first of a duplicated ID and names both lines', () => {
    const t = task(NEWEST, 'B-094');
    expect([t.line, t.title]).toEqual([1433, 'Doorway: Full E2E automation from backlog to archived artifacts']);
    expect(parsed(NEWEST).tasks.filter((x) => x.id === 'B-094')).toHaveLength(1);
    const d = parsed(NEWEST).diagnostics.find((x) => x.code === 'duplicate-id' && x.taskId === 'B-094');
    expect(d?.message).toContain('line 1433');
    expect(d?.message).toContain('line 1747');
  });

  it('reads a suffixed ID and a score comment with deps', () => {
    expect(task(NEWEST, 'B-1004-QG')).toMatchObject({ line: 1695, title: 'Simplify Overengineered Quality Gates', points: 6, status: 'done', scoreTotal: 6.5 });
    const t = task(NEWEST, 'B-1028');
    expect([t.line, t.dependencies, t.scoreTotal]).toEqual([1441, ['B-1012'], 7]);
    expect(t.score).toEqual({ bv: 5, tc: 4, rr: 5, le: 3, effort: 4 });
    expect(typeof t.metadata.implementation_plan).toBe('string');
    expect(String(t.metadata.implementation_plan)).toContain('PHASE 0');
  });

  it('reads a row cut short by a comment line in the canonical layout', () => {
    const t = task(NEWEST, 'B-1009');
    expect([t.line, t.status, t.statusRaw, t.points]).toEqual([2047, 'in_progress', '🔄 in_progress', 8]);
    expect(t.metadata.started_at).toBe('2025-01-28T00:00:00.000000');
  });

  it('defines nothing from a reference table', () => {
    expect(readCorpus(NEWEST).split('\n')[2463]).toMatch(/^\| B[-\u2011]002 \|/);
    expect(parsed(NEWEST).tasks.some((t) => t.id === 'B-002')).toBe(false);
    // B-001 is listed there too, but its task is the Live Backlog row.
    expect(task(NEWEST, 'B-001').line).toBe(1421);
  });

  it('reports the unclosed code fence at the end of the file', () => {
    expect(parsed(NEWEST).diagnostics).toContainEqual(expect.objectContaining({ code: 'unterminated-fence', line: 3150 }));
  });
});

describe('corpus: three more versions', () => {
  it('2025-08-09: a dependency list and a completed-items table with extra columns', () => {
    const name = 'backlog-20250809-145857-63523ef5.md';
    const b38 = task(name, 'B-038');
    expect([b38.line, b38.points, b38.dependencies, b38.dependencyNotes]).toEqual([605, 13, ['B-034', 'B-035', 'B-036'], '']);
    const c2 = task(name, 'C-002');
    expect([c2.line, c2.title, c2.points, c2.status]).toEqual([669, 'Central Retry Wrapper Implementation', 2, 'done']);
    expect(c2.metadata).toEqual({
      'Completion Date': '2024-08-05',
      'Implementation Notes':
        'Configurable retry logic with exponential backoff, integrated with enhanced_rag_system.py and vector_store.py, comprehensive test suite',
    });
  });

  it('2025-08-20: a wrapped row whose comments mark it human-required', () => {
    const name = 'backlog-20250820-232910-ec1c11ab.md';
    const t = task(name, 'B-077');
    expect([t.line, t.description, t.techFootprint]).toEqual([580, 'Implement monitoring for context failures and documentation QA loop', 'Monitoring + feedback system']);
    expect([t.dependencies, t.dependencyNotes]).toEqual([['B-072'], 'Documentation Retrieval System Enhancement']);
    expect([t.humanRequired, t.humanReason, t.scoreTotal]).toEqual([true, 'Requires GitHub repository configuration and CI/CD setup decisions', 3]);
    // `acceptance` comes from the later row that reuses the ID (line 643): it fills what the first lacks.
    expect(t.metadata).toEqual({
      research: '500_research-analysis-summary.md - Ongoing QA loop prevents context drift',
      acceptance: 'Meets EXCELLENT quality gates: Vector <100ms, Hybrid <200ms, Recall@10 ≥0.8, Memory Rehydration <5s',
    });
  });

  it('2025-09-07: a plain heading task at the end of the file', () => {
    const name = 'backlog-20250907-035255-c2e4baf9.md';
    const r = parsed(name);
    const last = r.tasks[r.tasks.length - 1];
    expect([last.id, last.line, last.title]).toEqual(['B-1024', 3118, 'Implement 5-Layer Memory System with Hybrid Rankers and Pruner']);
    expect(r.source.tasks.get('B-1024')?.def).toMatchObject({ kind: 'heading', headingLine: 3117, level: 3 });
  });
});
