// A small argument parser for the sub-commands: `--name value`, `--name=value`, boolean flags,
// positionals; unknown options are usage errors (exit 2), never silently ignored.
export class UsageError extends Error {}

export interface ArgSpec {
  /** Options that take a value. */
  values?: string[];
  /** Boolean flags. */
  flags?: string[];
}

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const takesValue = new Set(spec.values ?? []);
  const isFlag = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (takesValue.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else if (isFlag.has(name) && eq < 0) flags.add(name);
    else throw new UsageError(`unknown option --${name}`);
  }
  return { values, flags, positionals };
}
