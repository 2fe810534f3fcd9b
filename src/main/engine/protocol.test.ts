import { describe, expect, it } from 'vitest';
import { parseProtocolLine } from './protocol';

describe('parseProtocolLine', () => {
  it('reads progress with a message', () => {
    expect(parseProtocolLine('::progress 40 parsing files')).toEqual({ kind: 'progress', percent: 40, message: 'parsing files' });
  });

  it('clamps progress into 0..100 and allows no message', () => {
    expect(parseProtocolLine('::progress 150')).toEqual({ kind: 'progress', percent: 100, message: '' });
  });

  it('reads a classified error', () => {
    expect(parseProtocolLine('::error category=network::ECONNREFUSED 127.0.0.1:9')).toEqual({
      kind: 'error',
      category: 'network',
      message: 'ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('maps an unknown category to unknown', () => {
    expect(parseProtocolLine('::error category=cosmic::ray')).toEqual({ kind: 'error', category: 'unknown', message: 'ray' });
  });

  it('ignores ordinary lines', () => {
    expect(parseProtocolLine('progress 40')).toBeNull();
    expect(parseProtocolLine('::progress forty')).toBeNull();
  });
});
