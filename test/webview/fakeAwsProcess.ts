// Runs the local fake AWS server (test/support/fake-aws) as a child process for the panel's real-editor pass
// (test/e2e/ui-panel.mjs is plain Node and cannot import TypeScript): prints one JSON line with its URL and
// credentials, then serves until its stdin closes.
import { FakeAws } from '../support/fake-aws';

void (async () => {
  const fake = await FakeAws.start({ pendingReads: 0 });
  process.stdout.write(`${JSON.stringify({ url: fake.url, ...fake.credentials })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    process.stderr.write(`[fake-aws] ${fake.writes().length} write call(s): ${fake.writes().join(' ')}\n`);
    void fake.close().then(() => process.exit(0));
  });
})();
