import { describe, expect, it } from 'vitest';
import { categorizedMessage } from './errorMessage';

describe('categorizedMessage', () => {
  it('names the category once when the message already starts with it', () => {
    expect(categorizedMessage('permission', "permission: EACCES: permission denied, open '/x'")).toBe("permission: EACCES: permission denied, open '/x'");
    expect(categorizedMessage('file_system', 'File system:  disk full')).toBe('file_system: disk full');
    expect(categorizedMessage('network', 'NETWORK: ECONNRESET')).toBe('network: ECONNRESET');
  });

  it('prefixes the category otherwise', () => {
    expect(categorizedMessage('permission', 'EACCES: permission denied')).toBe('permission: EACCES: permission denied');
    expect(categorizedMessage('timeout', 'the task ran past its timeout (after 2 s)')).toBe('timeout: the task ran past its timeout (after 2 s)');
    // Only a leading `category:` counts, not the word elsewhere.
    expect(categorizedMessage('permission', 'no permission: denied')).toBe('permission: no permission: denied');
  });
});
