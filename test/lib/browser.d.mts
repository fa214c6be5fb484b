// Types of ./browser.mjs (the Chromium finder/installer shared by the webview and real-editor tests).
export declare const DEBIAN_CHROMIUM: string;
export interface ChromiumProbes {
  exists(file: string): boolean;
  isRoot(): boolean;
  canSudo(): boolean;
  hasAptGet(): boolean;
}
export type ChromiumPlan =
  | { action: 'use'; path: string }
  | { action: 'install'; path: string; sudo: boolean }
  | { action: 'fail'; message: string };
export declare const systemProbes: ChromiumProbes;
export declare function chromiumPath(env?: NodeJS.ProcessEnv): string;
export declare function planChromium(env?: NodeJS.ProcessEnv, probes?: ChromiumProbes): ChromiumPlan;
export declare function aptGetInstall(
  packages: string[],
  options?: { sudo?: boolean; log?: (line: string) => void },
): void;
export declare function ensureChromium(options?: {
  env?: NodeJS.ProcessEnv;
  probes?: ChromiumProbes;
  install?: (packages: string[], options: { sudo: boolean; log: (line: string) => void }) => void;
  log?: (line: string) => void;
}): string;
