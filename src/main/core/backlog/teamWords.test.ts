import { describe, expect, it } from 'vitest';
import type { Status } from '../../../shared/backlog';
import { buildLegends, readLegendItem } from './legends';
import { compileLexicon } from './lexicon';
import { normalizePriority } from './normalizePriority';
import { normalizeStatus } from './normalizeStatus';

const none = new Map();
const status = (raw: string): Status | null => normalizeStatus(raw, none);

describe('built-in words (format section 4)', () => {
  it('reads the words real teams write for each status, whole words, any case', () => {
    const cases: [Status, string[]][] = [
      ['done', ['Shipped', 'RELEASED', 'merged', 'Closed', 'resolved', 'Finished', 'deployed', 'Live', '🟩 Shipped']],
      ['in_progress', ['Doing', 'in dev', 'In Development', 'active', 'Ongoing', 'code review', 'In QA', 'verifying', '🟨 **Doing**']],
      ['blocked', ['Stuck', 'waiting', 'Paused', 'needs info', 'Needs  Info', '🟥 Stuck']],
      ['skipped', ["won't do", 'Won\u2019t do', 'wont do', "Won't Fix", 'dropped', 'Duplicate', 'obsolete']],
      ['todo', ['up next', 'Next Up', 'selected', 'To-Do', 'groomed']],
    ];
    for (const [want, raws] of cases) for (const raw of raws) expect([raw, status(raw)]).toEqual([raw, want]);
  });

  it('matches whole words only, and the earliest word in the cell wins', () => {
    expect(status('Alive')).toBeNull();
    expect(status('inactive')).toBeNull();
    expect(status('deliverable')).toBeNull();
    expect(status('Waiting for code review')).toBe('blocked');
    expect(status('Code review, waiting')).toBe('in_progress');
    expect(status('done (was stuck)')).toBe('done');
  });

  it('reads MoSCoW words, urgent and P0-P4 as priorities', () => {
    const p = (raw: string) => normalizePriority(raw, none);
    expect(['Urgent', 'Must', 'must have', 'Should', 'Could', 'P0', 'P1', 'P2', 'P3', 'P4'].map(p)).toEqual([
      'critical',
      'critical',
      'critical',
      'high',
      'medium',
      'critical',
      'high',
      'medium',
      'low',
      'low',
    ]);
    expect(p('mustard')).toBeNull();
  });
});

describe("the team's own words (taskdeck.json vocabulary)", () => {
  const lexicon = compileLexicon({ status: { Parked: 'blocked', '🧊': 'skipped', 'Ready for QA': 'in_progress', Done: 'failed' }, priority: { 'Nice to have': 'low' } });
  const team = (raw: string) => normalizeStatus(raw, none, lexicon.status);

  it('maps words and emoji, any case, emphasis and variation selectors ignored', () => {
    expect(team('parked')).toBe('blocked');
    expect(team('**PARKED** until Q3')).toBe('blocked');
    expect(team('🧊')).toBe('skipped');
    expect(team('🧊Frozen')).toBe('skipped');
    expect(team('Ready  for qa')).toBe('in_progress');
    expect(team('Unparked')).toBeNull();
    expect(normalizePriority('nice to have', none, lexicon.priority)).toBe('low');
    expect(normalizePriority('🔥 nice to have', none, lexicon.priority)).toBe('low');
  });

  it('wins over the built-in words, keywords and emoji alike', () => {
    expect(team('✅ Done')).toBe('failed');
    expect(team('in progress, parked')).toBe('blocked');
    expect(team('🧊 ✅')).toBe('skipped');
  });

  it('lets a legend use the team words, and keeps how the legend writes each value', () => {
    const items = ['- 🟨 **Doing**: someone is on it', '- 🟩 Shipped - in the store', '- 🟥 **Stuck**: needs help', '- 🟪 Parked: later'].map((l) => readLegendItem(l, true, false));
    const legends = buildLegends(
      items.filter((i) => i !== null),
      lexicon,
    );
    expect(Object.fromEntries(legends.status)).toEqual({ '🟨': 'in_progress', '🟩': 'done', '🟥': 'blocked', '🟪': 'blocked' });
    expect(legends.statusForms.get('in_progress')).toBe('🟨 Doing');
    expect(legends.statusForms.get('blocked')).toBe('🟥 Stuck');
    expect(normalizeStatus('🟪', legends.status, lexicon.status)).toBe('blocked');
    expect(normalizeStatus('🟪', buildLegends(items.filter((i) => i !== null)).status)).toBeNull();
    expect(normalizeStatus('🟩', legends.status, lexicon.status)).toBe('done');
  });
});
