// The catalog's public shapes (service, operation, member) and their construction from catalog.json rows.
// Operations are parsed per service on first access, so a lookup of `s3` never parses EC2's 700 operations.
import { ServiceFlag, TYPE_BY_CODE } from './format';
import type { MemberType, ServiceRow } from './format';
import { JAVA_REQUEST_CUSTOMIZATIONS } from './javaCustomizations';
import type { JavaRequestCustomization } from './javaCustomizations';
import { sfnMemberName } from './javaNames';

export type { MemberType } from './format';

export interface CatalogMember {
  /** The API's own member name, as the SDK for JavaScript v3 and the invoker's `parameters` spell it (`agentId`). */
  name: string;
  /** The name in an `aws-sdk:` task's Parameters: the SDK for Java v2 property (`AgentId`, `DbInstanceIdentifier`). */
  sfnName: string;
  type: MemberType;
  required: boolean;
}

export interface CatalogOperation {
  /** PascalCase, as in the API model and IAM (`GetObject`). */
  name: string;
  /** camelCase, as in an invoker payload's `action` and in `aws-sdk:<service>:<action>` (`getObject`). */
  action: string;
  /** Names of the required top-level input members. */
  required: readonly string[];
  /** Every top-level input member, in model order. */
  members: readonly CatalogMember[];
  /** Marked deprecated in the API model. */
  deprecated: boolean;
  /** Documented by Step Functions as not callable through its AWS SDK integration. */
  sfnUnsupported: boolean;
  /** HTTP method; only recorded for services whose IAM actions are HTTP verbs (API Gateway management). */
  httpMethod?: string;
  /** What the SDK for Java v2 request class (aws-sdk tasks) adds to the model's members, when anything. */
  javaRequest?: JavaRequestCustomization;
}

export interface CatalogService {
  /** SDK v3 package suffix (`@aws-sdk/client-<v3>`): the invoker payload's `service`. */
  v3: string;
  /** Step Functions `arn:aws:states:::aws-sdk:<sfn>:<action>` name. */
  sfn: string;
  /** IAM action prefix (`states`, `logs`, `events`...). */
  iamPrefix: string;
  /** `metadata.serviceId` of the API model ("CloudWatch Logs"). */
  serviceId: string;
  /** SDK v2 class name (`CloudWatchLogs`), '' if unknown. */
  v2: string;
  /** Version of the model the catalog was built from (the newest one). */
  apiVersion: string;
  endpointPrefix: string;
  /** Whether `sfn` appears in AWS's published list of Step Functions AWS SDK integrations. */
  sfnDocumented: boolean;
  /** Every operation, sorted by name (parsed on first access). */
  readonly operations: readonly CatalogOperation[];
}

/** `GetObject` -> `getObject` (only the first letter changes: `DescribeDBInstances` -> `describeDBInstances`). */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `getObject` -> `GetObject`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function parseOperation(line: string): CatalogOperation {
  const tokens = line.split(' ');
  const head = /^([A-Za-z0-9_]+)(~?)(#?)(?:@([A-Z]+))?$/.exec(tokens[0] ?? '');
  if (!head) throw new Error(`bad operation line: ${line.slice(0, 80)}`);
  const members: CatalogMember[] = [];
  const required: string[] = [];
  for (const token of tokens.slice(1)) {
    const isRequired = token.startsWith('!');
    const colon = token.lastIndexOf(':');
    const name = token.slice(isRequired ? 1 : 0, colon);
    const type = TYPE_BY_CODE[token.slice(colon + 1)] ?? 'string';
    members.push({ name, sfnName: sfnMemberName(name), type, required: isRequired });
    if (isRequired) required.push(name);
  }
  const name = head[1]!;
  const op: CatalogOperation = {
    name,
    action: camelCase(name),
    required,
    members,
    deprecated: head[2] === '~',
    sfnUnsupported: head[3] === '#',
  };
  if (head[4]) op.httpMethod = head[4];
  return op;
}

/** A service whose `operations` are parsed from their lines the first time they are read. */
export function serviceFromRow(row: ServiceRow): CatalogService {
  const [v3, sfn, iamPrefix, serviceId, v2, apiVersion, endpointPrefix, , flags, lines] = row;
  let operations: CatalogOperation[] | undefined;
  return {
    v3,
    sfn,
    iamPrefix,
    serviceId,
    v2,
    apiVersion,
    endpointPrefix,
    sfnDocumented: (flags & ServiceFlag.SfnDocumented) !== 0,
    get operations(): readonly CatalogOperation[] {
      if (!operations) {
        const java = JAVA_REQUEST_CUSTOMIZATIONS[v3];
        operations = lines.map((line) => {
          const op = parseOperation(line);
          const custom = java?.[op.name];
          if (custom) op.javaRequest = custom;
          return op;
        });
      }
      return operations;
    },
  };
}
