// The page's side of the channel: the typed wrapper around acquireVsCodeApi() (posts only PageMessage),
// the persisted page state the host's WebviewPanelSerializer receives after a reload, and the
// listener that validates every host message before anyone sees it.
import { describeRejected, parseHostMessage, type HostMessage, type PageMessage } from './protocol';

/** What the page persists with setState (read back by the host's serializer on reload). */
export interface PageState {
  uri: string;
  tab: string;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: PageMessage): void {
  api.postMessage(message);
}

export function savedState(): PageState | undefined {
  const s = api.getState();
  if (typeof s !== 'object' || s === null) return undefined;
  const { uri, tab } = s as Record<string, unknown>;
  return { uri: typeof uri === 'string' ? uri : '', tab: typeof tab === 'string' ? tab : '' };
}

export function saveState(state: PageState): void {
  api.setState(state);
}

/** Calls `handle` with each valid host message; drops and logs the rest. */
export function listen(handle: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const result = parseHostMessage(event.data);
    if (!result.ok) {
      console.warn(`[crossings] dropped a host message (${result.reason}): ${describeRejected(event.data)}`);
      return;
    }
    handle(result.message);
  });
}
