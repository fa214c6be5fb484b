// Opens the built Crossings page in Debian's headless Chromium (playwright-core, no browser download; found or
// installed by test/lib/browser.mjs, the helper the e2e harness shares) with a stub acquireVsCodeApi, and
// records what the page posts, logs, and any CSP violation.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage, ViewModel } from '../../webview/protocol';
import chromiumArgs from '../e2e/lib/chromium-args.json';
import { ensureChromium } from '../lib/browser.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(), // $SFN_E2E_CHROMIUM, else /usr/bin/chromium (apt-get installs it when missing)
    headless: true,
    args: chromiumArgs, // the e2e harness's flags (one list for both)
  });
}

// A string, not a function: the test runner's transpiler must not rewrite what runs in the page.
const STUB = `
  window.__posted = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => state,
    setState: (s) => { state = s; },
  });
`;

export interface PanelPage {
  page: Page;
  warnings: string[];
  errors: string[];
  posted(): Promise<Array<{ type: string } & Record<string, unknown>>>;
  violations(): Promise<string[]>;
  send(message: unknown): Promise<void>;
  /** Evaluates a JavaScript expression in the page. */
  js<T>(expression: string): Promise<T>;
  /** Polls an expression in the page until it is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** Posts an update and waits until the page has painted that version; returns its timings. */
  render(model: ViewModel): Promise<{ renderMs: number; buildMs: number }>;
  close(): Promise<void>;
}

export async function openPanel(
  browser: Browser,
  origin: string,
  colorScheme: 'light' | 'dark' = 'dark',
): Promise<PanelPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(STUB);
  await page.goto(origin);
  // Expressions are strings: what runs in the page must not depend on the Node-side transpiler (nor on DOM types).
  const js = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
  // Polled from Node: a string predicate for page.waitForFunction would need eval, which the CSP forbids.
  const waitFor = async (expression: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await js<unknown>(expression))) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await waitFor('window.__posted.length > 0');
  const send = (message: unknown) => js<void>(`window.postMessage(${JSON.stringify(message)}, '*')`);
  return {
    page,
    warnings,
    errors,
    js,
    waitFor,
    posted: () => js('window.__posted'),
    violations: () => js('window.__violations'),
    send,
    async render(model) {
      const message: HostMessage = { type: 'update', model };
      await js('delete document.body.dataset.renderedVersion');
      await send(message);
      await waitFor(`document.body.dataset.renderedVersion === ${JSON.stringify(String(model.version))}`);
      return js<{ renderMs: number; buildMs: number }>(
        '({ renderMs: Number(document.body.dataset.renderMs), buildMs: Number(document.body.dataset.buildMs) })',
      );
    },
    close: () => context.close(),
  };
}
