// The table of CLI sub-commands: each room registers its sub-command here (one import + one entry).
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** true when stdin is a TTY (commands never prompt otherwise). */
  interactive: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}
/** Returns the process exit code: 0 ok, 1 findings/errors, 2 usage or I/O problems. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

export interface CliCommandEntry {
  name: string;
  summary: string;
  run: () => Promise<CliCommand>;
}

export const commands: CliCommandEntry[] = [
  {
    name: 'policy',
    summary: 'generate IAM policies and roles for a definition',
    run: async () => (await import('./policy')).policyCommand,
  },
  {
    name: 'deploy-invoker',
    summary: 'deploy the cross-region invoker Lambda and its role',
    run: async () => (await import('./deployInvoker')).deployInvokerCommand,
  },
  {
    name: 'validate',
    summary: 'validate definitions with the Step Functions service (--remote)',
    run: async () => (await import('./validate')).validateCommand,
  },
  {
    name: 'check',
    summary: 'check both sides of every crossing against the live AWS accounts (read-only)',
    run: async () => (await import('./check')).checkCommand,
  },
];
