import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as APP_POLICY, parseCsp } from '../app/content-security-policy';
import { CONTENT_SECURITY_POLICY } from './securityHeaders';

describe('web host CSP', () => {
  it('is the app window\'s policy: the renderer runs under one set of rules in both', () => {
    expect(parseCsp(CONTENT_SECURITY_POLICY)).toEqual(parseCsp(APP_POLICY));
  });
});
