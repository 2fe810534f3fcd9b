import { describe, expect, it } from 'vitest';
import { ansiToHtml, stripAnsi } from './ansi';

describe('ansi', () => {
  it('colours with classes, never inline styles, and escapes HTML', () => {
    const html = ansiToHtml('\u001b[31m<b>fail</b>\u001b[0m ok');
    expect(html).toContain('class="ansi-red-fg"');
    expect(html).toContain('&lt;b&gt;fail&lt;/b&gt;');
    expect(html).not.toContain('style=');
  });
  it('strips codes for search', () => {
    expect(stripAnsi('\u001b[1;32mpassed\u001b[0m 3')).toBe('passed 3');
  });
});
