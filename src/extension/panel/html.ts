// The Crossings panel's HTML document: a strict CSP (default-src 'none'; scripts only with the nonce;
// styles only from the webview's own resources or with the nonce; no inline style attribute, no eval,
// nothing remote), the bundled stylesheet and module script. The nonce is also published in
// <meta property="csp-nonce">, where FAST (the toolkit's base) reads it for the one <style> element it
// creates. Pure, so the Chromium test serves byte-for-byte the same page.
import { randomBytes } from 'node:crypto';

export interface PanelHtmlInput {
  /** `webview.cspSource` (the origin local resources are served from). */
  cspSource: string;
  /** URIs of dist/webview/main.js and main.css as the webview sees them. */
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // Nothing else is allowed: no images, fonts, frames, connections or workers are used.
  return ["default-src 'none'", `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function renderPanelHtml(input: PanelHtmlInput): string {
  const nonce = input.nonce ?? makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${nonce}">
<link rel="stylesheet" nonce="${nonce}" href="${escapeAttr(input.styleUri)}">
<title>Crossings</title>
</head>
<body>
<main id="app" aria-label="Step Functions Crossings"><p>Loading the Crossings panel…</p></main>
<script type="module" nonce="${nonce}" src="${escapeAttr(input.scriptUri)}"></script>
</body>
</html>
`;
}
