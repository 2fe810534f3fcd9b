import { describe, expect, it } from 'vitest';
import { splitExplanation, splitFieldLine, withFieldValue } from './fieldLine';

describe('field lines', () => {
  it('splits the key from the value in every written form', () => {
    expect(splitFieldLine('- **Priority**: 🔥 **HIGH** - why')).toEqual({ prefix: '- **Priority**: ', value: '🔥 **HIGH** - why' });
    expect(splitFieldLine('- **Priority:** P1')).toEqual({ prefix: '- **Priority:** ', value: 'P1' });
    expect(splitFieldLine('**Priority:** P0 (Critical)')).toEqual({ prefix: '**Priority:** ', value: 'P0 (Critical)' });
    expect(splitFieldLine('  * **Status**:done')).toEqual({ prefix: '  * **Status**:', value: 'done' });
    expect(splitFieldLine('plain text')).toBeNull();
  });
  it('separates a value from its explanation', () => {
    expect(splitExplanation('🔥 **HIGH** - Essential')).toEqual({ head: '🔥 **HIGH**', tail: ' - Essential' });
    expect(splitExplanation('5')).toEqual({ head: '5', tail: '' });
  });
  it('rewrites the value and keeps the key', () => {
    expect(withFieldValue('- **Status**: 🆕 **NEW** - Ready', '✅ **COMPLETE**')).toBe('- **Status**: ✅ **COMPLETE**');
    expect(withFieldValue('  * **Status**:done', 'todo')).toBe('  * **Status**: todo');
  });
});
