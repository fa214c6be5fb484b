// The `sfn-crossings` entry point: dispatches to the sub-command table, maps failures to exit codes
// (2 for usage and I/O problems) with one-line messages and no stack traces.
import { UsageError } from './args';
import { commands, type CliIo } from './commands';
import { lintCommand, LINT_USAGE } from './lint';
import { VERSION } from './version';

const builtins = [
  { name: 'lint', summary: 'validate definitions (files, folders, globs)', run: async () => lintCommand },
];

function usage(): string {
  const all = [...builtins, ...commands];
  return `sfn-crossings ${VERSION}: Step Functions definitions that cross regions, accounts and HTTP APIs
usage: sfn-crossings <command> [options]
commands:
${all.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n')}
Run \`sfn-crossings <command> --help\` for a command's options.
${LINT_USAGE}
`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const entry = [...builtins, ...commands].find((c) => c.name === name);
  if (!entry) {
    io.stderr(`sfn-crossings: unknown command "${name}" (try --help)\n`);
    return 2;
  }
  try {
    const command = await entry.run();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`sfn-crossings ${name}: ${e.message} (try sfn-crossings ${name} --help)\n`);
      return 2;
    }
    io.stderr(`sfn-crossings ${name}: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // The AWS SDK prints a multi-line Node.js support notice on stderr; the CLI's errors stay one line.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    interactive: Boolean(process.stdin.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`sfn-crossings: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
