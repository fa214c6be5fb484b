// Runs a function's uploaded zip the way the Lambda Node.js runtime would, for the fake's Invoke: the zip is
// unpacked under .cache/fake-lambda/<sha>/ (so `@aws-sdk/*` resolves from the project's node_modules, as the
// runtime's own SDK would), and the handler runs in a child process with the function's environment, the role's
// session credentials, AWS_REGION and AWS_ENDPOINT_URL pointing back at the fake.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const RUNNER = `
const [file, handlerName, timeoutMs] = process.argv.slice(1);
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const deadline = Date.now() + Number(timeoutMs);
  const context = { getRemainingTimeInMillis: () => deadline - Date.now() };
  try {
    const mod = require(file);
    const result = await mod[handlerName](JSON.parse(input || 'null'), context);
    process.stdout.write(JSON.stringify({ ok: true, result: result === undefined ? null : result }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, errorType: (e && e.name) || 'Error', errorMessage: (e && e.message) || String(e) }));
  }
});
`;

export interface RuntimeResult {
  ok: boolean;
  result?: unknown;
  errorType?: string;
  errorMessage?: string;
}

export async function runZip(options: {
  zip: Buffer;
  codeSha256: string;
  handler: string;
  timeoutSeconds: number;
  env: Record<string, string>;
  event: string;
}): Promise<RuntimeResult> {
  const dir = join(process.cwd(), '.cache', 'fake-lambda', Buffer.from(options.codeSha256, 'base64').toString('hex'));
  const [moduleName, handlerName] = options.handler.split('.');
  const file = join(dir, `${moduleName}.js`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(options.zip)))) {
      if (name.endsWith('/')) continue;
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
  }
  const timeoutMs = options.timeoutSeconds * 1000;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', RUNNER, file, handlerName ?? 'handler', String(timeoutMs)], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 1000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out) as RuntimeResult);
      } catch {
        resolve({
          ok: false,
          errorType: 'Runtime.ExitError',
          errorMessage: err.trim().split('\n').slice(-3).join(' ') || 'the function exited without a result',
        });
      }
    });
    child.stdin.end(options.event);
  });
}
