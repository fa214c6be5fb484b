// Debian's headless chromium through playwright-core: the browser side of the workbench. No browser
// download ever happens (executablePath is given; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set anyway).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumBin } from './paths.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

/** The flags for headless chromium on a server, shared with the webview tests (test/webview/harness.ts). */
export const chromiumArgs = JSON.parse(fs.readFileSync(new URL('./chromium-args.json', import.meta.url), 'utf8'));

/** `stateDir` receives what chromium writes outside its temp profile (crashpad reports). */
export function launchChromium(stateDir) {
  return chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    args: chromiumArgs,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    },
  });
}
