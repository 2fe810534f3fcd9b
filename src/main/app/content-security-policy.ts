// One CSP for the app window, sent as a response header by the app:// protocol and the
// session, and mirrored by the <meta> tag in src/renderer/index.html (a test keeps the
// two in step). No 'unsafe-eval', no remote origins: the renderer only talks to the
// preload bridge, never to the network.

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // No 'unsafe-inline': React sets styles through the CSSOM, which CSP does not block,
  // and the built CSS is a file. The web host sends the same rule.
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Parses a CSP string into directive -> sources, for checks and tests. */
export function parseCsp(policy: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const tokens = part.trim().split(/\s+/).filter((t) => t !== '');
    const [name, ...sources] = tokens;
    if (name !== undefined) result.set(name.toLowerCase(), sources);
  }
  return result;
}

/** Adds our CSP to a response's headers, replacing any CSP the response already had. */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === 'content-security-policy') continue;
    out[key] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
