// Calls through the invoker that need a second look: those that return credentials, secrets or key material (their
// result lands in the execution history in clear text) and those that change IAM, KMS or Organizations. Used by the
// lint warning (XC413) and by the deploy confirmation. SDK v3 service names, camelCase actions. Pure.
import type { AllowedCall } from './protocol';

export interface SensitiveCall {
  call: string;
  why: string;
}

const CREDENTIALS = 'returns credentials, secrets or key material';
const CHANGES = (what: string) => `changes ${what}`;

/** Actions (lower case) that return credentials, secrets or plaintext key material. */
const RETURNS_SECRETS: Record<string, readonly string[]> = {
  iam: [
    'createaccesskey',
    'createloginprofile',
    'updateloginprofile',
    'createservicespecificcredential',
    'resetservicespecificcredential',
  ],
  'secrets-manager': ['getsecretvalue', 'batchgetsecretvalue'],
  kms: ['decrypt', 'generatedatakey', 'generatedatakeypair'],
  ecr: ['getauthorizationtoken'],
  'ecr-public': ['getauthorizationtoken'],
  codeartifact: ['getauthorizationtoken'],
  sso: ['getrolecredentials'],
  'cognito-identity': ['getcredentialsforidentity', 'getopenidtoken', 'getopenidtokenfordeveloperidentity'],
  redshift: ['getclustercredentials', 'getclustercredentialswithiam'],
  'redshift-serverless': ['getcredentials'],
};
/** SSM reads that return SecureString values in clear text when asked to (`WithDecryption: true`). */
const SSM_DECRYPTING = new Set(['getparameter', 'getparameters', 'getparametersbypath', 'getparameterhistory']);
/** STS calls that do not hand out credentials. */
const STS_HARMLESS = new Set(['getcalleridentity', 'getaccesskeyinfo', 'decodeauthorizationmessage']);
/** KMS calls that neither change keys nor reveal plaintext. */
const KMS_HARMLESS =
  /^(get|list|describe)|^(encrypt|verify|sign|generatemac|verifymac|generaterandom|generatedatakeywithoutplaintext|generatedatakeypairwithoutplaintext)$/;
const READ_ONLY = /^(get|list|describe|simulate)/;
const CHANGED: Record<string, string> = { iam: 'IAM', kms: 'KMS keys', organizations: 'AWS Organizations' };

/**
 * Why a call is sensitive, or undefined. `action` may be `*` (every action of the service). `decrypts`: the call's
 * parameters ask for decrypted values (SSM `WithDecryption: true`), known only when a payload is read.
 */
export function sensitiveReason(service: string, action: string, decrypts = false): string | undefined {
  const a = action.toLowerCase();
  if (service === 'ssm' && decrypts && SSM_DECRYPTING.has(a)) return 'returns SecureString values decrypted';
  if (a === '*')
    return service === 'sts' || RETURNS_SECRETS[service] || CHANGED[service]
      ? `allows every ${service} action, including ones that ${CHANGED[service] ? CHANGES(CHANGED[service]) : CREDENTIALS}`
      : undefined;
  if (service === 'sts') return STS_HARMLESS.has(a) ? undefined : CREDENTIALS;
  if (RETURNS_SECRETS[service]?.includes(a)) return CREDENTIALS;
  if (service === 'kms') return KMS_HARMLESS.test(a) ? undefined : CHANGES(CHANGED.kms!);
  if (CHANGED[service] && !READ_ONLY.test(a)) return CHANGES(CHANGED[service]);
  return undefined;
}

/** The sensitive calls of an allowlist, in its order. */
export function sensitiveCalls(calls: readonly AllowedCall[]): SensitiveCall[] {
  const out: SensitiveCall[] = [];
  for (const c of calls) {
    const why = sensitiveReason(c.service, c.action);
    if (why) out.push({ call: `${c.service}:${c.action}`, why });
  }
  return out;
}

/** One sentence for confirmations: what each call does and where its result ends up. */
export function describeSensitive(list: readonly SensitiveCall[]): string {
  return `${list.map((s) => `${s.call} (${s.why})`).join('; ')}. Whoever may invoke the function can make ${list.length === 1 ? 'this call' : 'these calls'} with its role, and the results land in the execution history in clear text.`;
}
