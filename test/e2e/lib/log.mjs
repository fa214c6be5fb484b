// Progress lines for the e2e harness: every line carries the seconds since the run started.
const started = Date.now();

export const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);

/** A numbered phase of the run, e.g. `step('build the extension')`. */
export function step(title) {
  process.stdout.write(`\n=== [${elapsed().padStart(6)}s] ${title}\n`);
}

/** A detail line, on stderr so it never mixes with the suite's own output. */
export function note(who, message) {
  process.stderr.write(`[${who} ${elapsed()}s] ${message}\n`);
}
