// Which headings can hold a legend: the plain pre-check never disagrees with the word tests.
import { describe, expect, it } from 'vitest';
import { legendKinds } from './legends';

describe('legendKinds', () => {
  it('agrees with the word tests on headings that name a legend, and on those that do not', () => {
    const cases: [string, { status: boolean; priority: boolean }][] = [
      ['Status legend', { status: true, priority: false }],
      ['STATUSES AND PRIORITIES', { status: true, priority: true }],
      ['Priority', { status: false, priority: true }],
      ['ſtatus', { status: true, priority: false }],
      ['Statusbar rework', { status: false, priority: false }],
      ['B-049: Search by ingredient', { status: false, priority: false }],
    ];
    for (const [text, kinds] of cases) expect(legendKinds(text), text).toEqual(kinds);
  });
});
