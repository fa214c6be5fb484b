// Debian's headless chromium through playwright-core: the browser side of the workbench. No browser
// download ever happens (executablePath is given; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set anyway).
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumBin } from './paths.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

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
