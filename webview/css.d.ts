// esbuild bundles imported CSS into dist/webview/main.css (linked by the host's HTML).
declare module '*.css';
