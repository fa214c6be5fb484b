// The state the fake services share: identities (access keys), IAM roles, Lambda functions, S3 objects,
// DynamoDB items, and the knobs that make behaviour realistic (IAM propagation delay, pending states).

export interface Identity {
  secretAccessKey: string;
  sessionToken?: string;
  account: string;
  arn: string;
}

export interface FakeRole {
  name: string;
  arn: string;
  roleId: string;
  path: string;
  assumeRolePolicyDocument: string;
  description?: string;
  createDate: Date;
  tags: Record<string, string>;
  inlinePolicies: Map<string, string>;
  /** CreateFunction calls with this role that still fail ("cannot be assumed by Lambda"): IAM propagation. */
  unassumableForCreateCalls: number;
  /** For sts:AssumeRole by the invoker: the external id the trust policy requires. */
  externalId?: string;
}

export interface FakeFunction {
  name: string;
  arn: string;
  region: string;
  runtime: string;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  architectures: string[];
  environment: Record<string, string>;
  codeSha256: string;
  codeSize: number;
  zip: Buffer;
  tags: Record<string, string>;
  state: 'Pending' | 'Active';
  lastUpdateStatus: 'InProgress' | 'Successful';
  /** GetFunction reads left before the function turns Active / Successful. */
  pendingReads: number;
  lastModified: string;
  revision: number;
}

export interface WorldOptions {
  account: string;
  /** How many CreateFunction calls fail after a role is created (IAM eventual consistency). Default 2. */
  roleUnassumableForCreateCalls: number;
  /** How many GetFunction reads see Pending / InProgress after a create or update. Default 1. */
  pendingReads: number;
}

export const DEFAULT_ACCESS_KEY = 'AKIAFAKEDEVELOPER001';
export const DEFAULT_SECRET = 'fake/secret/key/for/tests/only/0000000000';
export const DEFAULT_ACCOUNT = '123456789012';

export class World {
  readonly options: WorldOptions;
  readonly identities = new Map<string, Identity>();
  readonly roles = new Map<string, FakeRole>();
  /** Keyed by `${region}|${name}`. */
  readonly functions = new Map<string, FakeFunction>();
  /** Keyed by `${bucket}/${key}`. */
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  /** Keyed by table name; items keyed by the JSON of their key attributes. */
  readonly tables = new Map<string, { keys: string[]; items: Map<string, Record<string, unknown>> }>();
  private counter = 0;

  constructor(options: Partial<WorldOptions> = {}) {
    this.options = { account: DEFAULT_ACCOUNT, roleUnassumableForCreateCalls: 2, pendingReads: 1, ...options };
    this.identities.set(DEFAULT_ACCESS_KEY, {
      secretAccessKey: DEFAULT_SECRET,
      account: this.options.account,
      arn: `arn:aws:iam::${this.options.account}:user/developer`,
    });
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(16).toUpperCase().padStart(16, '0')}`;
  }

  functionKey(region: string, name: string): string {
    return `${region}|${name}`;
  }
}
