// The CLI's version, injected from package.json at build time (falls back when run from source).
declare const __SFN_CROSSINGS_VERSION__: string | undefined;
export const VERSION: string = typeof __SFN_CROSSINGS_VERSION__ === 'string' ? __SFN_CROSSINGS_VERSION__ : '0.0.0-dev';
