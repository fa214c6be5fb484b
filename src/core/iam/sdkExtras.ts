// What an SDK call (an `aws-sdk:` task or an invoker call) needs beyond its own action on its own resource:
// S3 CopyObject reads its CopySource (s3:GetObject on the source object), and ListObjects(V2) keeps its literal
// Prefix as an `s3:prefix` condition. AWS: S3 API reference "CopyObject" (permissions: s3:GetObject on the
// source, s3:PutObject on the destination) and the S3 user guide's condition key example "Limit listing to a
// prefix" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html).
import type { Env } from './arn';
import { readField, staticString, type Field } from './fields';
import { literalPattern } from './literal';
import { dynamicStar, s3Arn } from './resources';
import type { Condition, Grant } from './types';

/** `bucket/key`, `/bucket/key`, `bucket/key?versionId=...` (URL-encoded) or an access point object ARN -> its ARN. */
export function copySourceArn(env: Env, source: string): string | undefined {
  const noVersion = source.replace(/\?versionId=.*$/, '');
  if (noVersion.startsWith('arn:')) return /:accesspoint\/[^/]+\/object\/.+$/.test(noVersion) ? noVersion : undefined;
  let decoded = noVersion;
  try {
    decoded = decodeURIComponent(noVersion);
  } catch {
    // keep the raw text: a malformed escape is the user's to fix, the ARN still names the bucket
  }
  const m = /^\/?([^/]+)\/(.+)$/.exec(decoded);
  return m ? s3Arn(env, m[1]!, m[2]!) : undefined;
}

export function sdkExtraGrants(prefix: string, operation: string, args: Field, env: Env): Grant[] {
  if (prefix !== 's3' || operation !== 'CopyObject') return [];
  const source = readField(args, 'CopySource');
  if (source.kind === 'dynamic') {
    const pattern = literalPattern(source.expression);
    const narrowed = pattern ? copySourceArn(env, pattern) : undefined;
    const star = dynamicStar(source, 'the copy source');
    return [
      {
        sid: 'S3CopySource',
        actions: ['s3:GetObject'],
        resources: narrowed ? [narrowed] : star.resources,
        wildcard: star.wildcard!,
      },
    ];
  }
  const value = staticString(source);
  const arn = value ? copySourceArn(env, value) : undefined;
  if (!arn) return [];
  return [{ sid: 'S3CopySource', actions: ['s3:GetObject'], resources: [arn] }];
}

/** The condition an SDK call's own grant carries: `s3:prefix` for a listing with a literal Prefix. */
export function sdkCallCondition(prefix: string, operation: string, args: Field): Condition | undefined {
  if (prefix !== 's3' || (operation !== 'ListObjectsV2' && operation !== 'ListObjects')) return undefined;
  const p = readField(args, 'Prefix');
  const literal = p.kind === 'dynamic' ? literalPattern(p.expression) : staticString(p);
  if (!literal) return undefined;
  return { StringLike: { 's3:prefix': [literal.endsWith('*') ? literal : `${literal}*`] } };
}
