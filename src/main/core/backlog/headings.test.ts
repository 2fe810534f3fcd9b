import { describe, expect, it } from 'vitest';
import { readFieldLine } from './fieldLines';
import { headingText, readAtxHeading, readHeadingTask } from './headings';

describe('headings', () => {
  it('reads ATX headings and their plain text', () => {
    expect(readAtxHeading('## 🔎 TL;DR {#tldr}')).toEqual({ level: 2, raw: '🔎 TL;DR {#tldr}' });
    expect(readAtxHeading('### Title ###')).toEqual({ level: 3, raw: 'Title' });
    expect(readAtxHeading('#hashtag')).toBeNull();
    expect(readAtxHeading('    # code')).toBeNull();
    expect(headingText('🔎 **TL;DR** {#tldr}')).toBe('🔎 TL;DR');
    expect(headingText('[Live](#live) `Backlog`')).toBe('Live Backlog');
  });

  it('reads heading tasks with every separator and drops badges', () => {
    expect(readHeadingTask('**B-1061: Memory System Integration** 🆕 **NEW**')).toEqual({ id: 'B-1061', title: 'Memory System Integration' });
    expect(readHeadingTask('**B-1059: Retrieval Tuning (Industry Recipe)** ✅ **COMPLETE**')).toEqual({ id: 'B-1059', title: 'Retrieval Tuning (Industry Recipe)' });
    expect(readHeadingTask('B-1 - Dash title')?.title).toBe('Dash title');
    expect(readHeadingTask('B-2 — Em dash')?.title).toBe('Em dash');
    expect(readHeadingTask('B-3 – En dash')?.title).toBe('En dash');
    expect(readHeadingTask('B\u20114 Space title 🎉')).toEqual({ id: 'B-4', title: 'Space title' });
    expect(readHeadingTask('✅ **US-12**: Login page')).toEqual({ id: 'US-12', title: 'Login page' });
    expect(readHeadingTask('**B-XXXX: Closed-Loop Lessons Engine** 🎉')).toBeNull();
    expect(readHeadingTask('**B-5**: Title 🆕 **NEW**')).toEqual({ id: 'B-5', title: 'Title' });
    expect(readHeadingTask('B-6: Fix **API**')).toEqual({ id: 'B-6', title: 'Fix API' });
    expect(readHeadingTask('B-7: Add **SSO** login')).toEqual({ id: 'B-7', title: 'Add SSO login' });
    expect(readHeadingTask('B-1x: glued')).toBeNull();
    expect(readHeadingTask('Roadmap for B-1')).toBeNull();
  });

  it('reads field lines with the colon after or inside the bold, top-level only', () => {
    expect(readFieldLine('- **Priority**: 🔥 **HIGH** - why')).toEqual({ key: 'Priority', value: '🔥 **HIGH** - why' });
    expect(readFieldLine('- **Priority:** P1')).toEqual({ key: 'Priority', value: 'P1' });
    expect(readFieldLine('**Priority:** P0 (Critical)')).toEqual({ key: 'Priority', value: 'P0 (Critical)' });
    expect(readFieldLine('* **Status**: done')).toEqual({ key: 'Status', value: 'done' });
    expect(readFieldLine('  - **Phase 1**: nested')).toBeNull();
    expect(readFieldLine('- **Bold** without colon')).toBeNull();
    expect(readFieldLine('- plain: text')).toBeNull();
  });
});
