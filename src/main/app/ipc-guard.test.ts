import { describe, expect, it } from 'vitest';
import { checkIpcSender } from './ipc-guard';

const ours = { frameUrl: 'app://taskdeck/index.html', isTopFrame: true, isOurWindow: true };

describe('checkIpcSender', () => {
  it('lets our top frame through', () => {
    expect(checkIpcSender(ours, undefined)).toBeNull();
  });
  it('refuses foreign pages, frames, windows and gone frames with a clear value', () => {
    const cases = [
      { ...ours, frameUrl: 'https://evil.example/' },
      { ...ours, frameUrl: 'file:///tmp/x.html' },
      { ...ours, isTopFrame: false },
      { ...ours, isOurWindow: false },
      { ...ours, frameUrl: undefined },
    ];
    for (const sender of cases) {
      const refusal = checkIpcSender(sender, undefined);
      expect(refusal?.ok).toBe(false);
      expect(refusal?.error.code).toBe('IPC_FORBIDDEN_SENDER');
      expect(refusal?.error.message).toMatch(/^Refused a request from .+\. Reload the window/);
    }
  });
  it('accepts the dev server page only in development', () => {
    const dev = { ...ours, frameUrl: 'http://localhost:5173/' };
    expect(checkIpcSender(dev, undefined)).not.toBeNull();
    expect(checkIpcSender(dev, 'http://localhost:5173')).toBeNull();
  });
});
