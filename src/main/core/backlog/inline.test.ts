import { describe, expect, it } from 'vitest';
import { canonicalEmoji, dropLeadingEmoji, emojiIn, isOnlyEmoji, stripEmoji } from './emoji';
import { dropEmphasis, plainText } from './inline';

describe('emoji', () => {
  it('finds emoji in order, treating a variation selector as the same marker', () => {
    expect(emojiIn('✔️ done ✅ and 👩‍💻')).toEqual([
      { emoji: '✔', index: 0 },
      { emoji: '✅', index: 8 },
      { emoji: '👩‍💻', index: 14 },
    ]);
    expect(emojiIn('plain ascii')).toEqual([]);
    expect(canonicalEmoji('⚙️')).toBe('⚙');
  });

  it('strips emoji, leading emoji, and knows emoji-only text', () => {
    expect(stripEmoji('🔥P')).toBe('P');
    expect(dropLeadingEmoji(' ✅ 🆕 **Done**')).toBe('**Done**');
    expect(isOnlyEmoji(' 🎉 ')).toBe(true);
    expect(isOnlyEmoji('🎉 x')).toBe(false);
    expect(isOnlyEmoji('')).toBe(false);
  });
});

describe('inline text', () => {
  it('drops emphasis, code, links and anchors, and collapses spaces', () => {
    expect(dropEmphasis('**bold** `code` ~~old~~ __u__ snake_case')).toBe('bold code old u snake_case');
    expect(plainText('  [Live](#live)  **Backlog** {#live-backlog} ')).toBe('Live Backlog');
    expect(plainText('Title')).toBe('Title');
  });
});
