// The names Step Functions' `aws-sdk:` integrations give to API members: the AWS SDK for Java v2 property names.
// The integration is built on the Java v2 SDK, so a task's Parameters/Arguments (and its results) use the Java
// bean property of each member, not the model's own (wire) name: rds `DBInstanceIdentifier` -> `DbInstanceIdentifier`,
// DynamoDB `BOOL` -> `Bool`, GuardDuty `Equals` -> `EqualsValue`, `jobName` -> `JobName`.
//
// The rule, as the Java v2 code generator applies it (aws/aws-sdk-java-v2, codegen: `Utils.unCapitalize`,
// `DefaultNamingStrategy`/`DefaultSmithyNamingStrategy.rewriteInvalidMemberName`, `getBeanStyleGetterMethodName`):
// 1. lower-case the leading run of capitals, except the last one when a lower-case letter follows it
//    (`DBInstance` -> `dbInstance`, `BOOL` -> `bool`, `IPv6` -> `iPv6`, `S3Key` -> `s3Key`);
// 2. a Java keyword (compared in lower case) or a method name every generated structure already has (`equals`,
//    `hashCode`, `toString`, `builder`, `sdkFields`...; also `type` in a union) gets the suffix `Value`;
// 3. the bean property is that name with its first letter upper-cased.
// EC2's `Filter.N` query name is the wire form of the model member `Filters`; the member name is what counts here.
import { memoize } from '../memo';

const JAVA_KEYWORDS = new Set([
  'abstract',
  'assert',
  'boolean',
  'break',
  'byte',
  'case',
  'catch',
  'char',
  'class',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extends',
  'false',
  'final',
  'finally',
  'float',
  'for',
  'goto',
  'if',
  'implements',
  'import',
  'instanceof',
  'int',
  'interface',
  'long',
  'native',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'short',
  'static',
  'strictfp',
  'super',
  'switch',
  'synchronized',
  'this',
  'throw',
  'throws',
  'transient',
  'true',
  'try',
  'void',
  'volatile',
  'while',
]);

/** Methods of java.lang.Object and of every generated SDK structure (request and model classes). */
const STRUCTURE_METHODS = new Set([
  'equals',
  'finalize',
  'getClass',
  'hashCode',
  'notify',
  'notifyAll',
  'toString',
  'wait',
  'builder',
  'sdkFields',
  'toBuilder',
  'overrideConfiguration',
  'sdkHttpResponse',
]);

const CONFLICTING_NAME_SUFFIX = 'Value';

const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isLower = (code: number): boolean => code >= 97 && code <= 122;

/** Java v2's `unCapitalize`: `DBInstanceIdentifier` -> `dbInstanceIdentifier`, `BOOL` -> `bool`. */
export function javaUncapitalize(name: string): string {
  // The first character always; then each capital not followed by a lower-case letter.
  let end = 1;
  while (
    end < name.length &&
    isUpper(name.charCodeAt(end)) &&
    !(end < name.length - 1 && isLower(name.charCodeAt(end + 1)))
  ) {
    end++;
  }
  return name.slice(0, end).toLowerCase() + name.slice(end);
}

/** The Java v2 fluent accessor name of a member (`dbInstanceIdentifier`, `equalsValue`). */
export function javaAccessorName(member: string, inUnion = false): string {
  if (!member) return member;
  const name = javaUncapitalize(member);
  const reserved =
    JAVA_KEYWORDS.has(name) ||
    JAVA_KEYWORDS.has(name.toLowerCase()) ||
    STRUCTURE_METHODS.has(name) ||
    (inUnion && name === 'type');
  return reserved ? javaUncapitalize(name + CONFLICTING_NAME_SUFFIX) : name;
}

/** The name an `aws-sdk:` task uses for a model member: the Java v2 bean property (`DbInstanceIdentifier`). */
export function javaPropertyName(member: string, inUnion = false): string {
  const accessor = javaAccessorName(member, inUnion);
  return accessor.charAt(0).toUpperCase() + accessor.slice(1);
}

/** `javaPropertyName` memoised: a catalog has tens of thousands of members and a definition repeats a few. */
export const sfnMemberName: (member: string) => string = memoize((member) => javaPropertyName(member), 20000);
