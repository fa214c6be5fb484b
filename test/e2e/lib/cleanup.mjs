// Exit hooks of a run: stop processes first (atExit), then remove temp folders (removeOnExit). They run on
// every exit, also through a signal (exitOnSignals turns SIGINT/SIGTERM into a normal exit).
import fs from 'node:fs';

const hooks = new Set();
const folders = new Set();

process.on('exit', () => {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // keep going: the other hooks must still run
    }
  }
  for (const folder of folders) {
    try {
      fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // a process we do not own still writes there; nothing more to do at exit
    }
  }
});

/** Runs `hook` (synchronous) at exit; returns a function that unregisters it. */
export function atExit(hook) {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Registers `folder` for removal at exit and returns it. */
export function removeOnExit(folder) {
  folders.add(folder);
  return folder;
}

/** Exits (running the exit hooks) on SIGINT/SIGTERM. */
export function exitOnSignals() {
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}
