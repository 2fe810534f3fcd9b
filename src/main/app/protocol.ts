// Serves the built renderer from app://taskdeck/ (see app-origin.ts). The path
// decision is in protocol-path.ts; this file only reads the file and answers.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-origin';
import { resolveAppRequest } from './protocol-path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * Must run before app 'ready': a standard, secure scheme gets a real origin. corsEnabled
 * lets Chromium make CORS-mode requests on the scheme at all, which Vite's
 * `<script type="module" crossorigin>` needs; our responses carry no
 * Access-Control-Allow-Origin, so no other origin may read them. bypassCSP stays off.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: false, corsEnabled: true, bypassCSP: false } },
  ]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolution = resolveAppRequest(request.url, rendererDir);
    if (!resolution.ok) return new Response(resolution.reason, { status: resolution.status, headers: { 'content-type': 'text/plain' } });
    try {
      const body = await readFile(resolution.filePath);
      return new Response(body, {
        status: 200,
        headers: { 'content-type': resolution.mimeType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
  });
}
