// Resolves who and where we call AWS as: credentials (standard chain or a named profile, SSO included, via
// @aws-sdk/credential-providers), the region (chosen, else the profile's, else the environment's) and the
// endpoint override (flag/setting, else AWS_ENDPOINT_URL) for LocalStack users. Never prints credentials.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { listProfiles } from './profiles';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type CredentialsProvider = () => Promise<AwsCredentials>;

export interface AwsSession {
  /** The named profile, when one was chosen (used in messages such as `aws sso login --profile NAME`). */
  profile?: string;
  region: string;
  /** Endpoint override for every client, e.g. http://localhost:4566. */
  endpoint?: string;
  credentials: CredentialsProvider;
}

export interface AwsSessionOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Explicit credentials (tests, or a caller that already has them). */
  credentials?: AwsCredentials | CredentialsProvider;
}

export class SessionError extends Error {}

export async function createAwsSession(options: AwsSessionOptions): Promise<AwsSession> {
  const env = options.env ?? process.env;
  const profile = options.profile || undefined;
  let region = options.region || undefined;
  if (!region && profile) region = (await listProfiles(env)).find((p) => p.name === profile)?.region;
  if (!region && !profile && env.AWS_PROFILE)
    region = (await listProfiles(env)).find((p) => p.name === env.AWS_PROFILE)?.region;
  region ??= env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  if (!region) {
    throw new SessionError(
      profile
        ? `profile ${profile} has no region: pass --region (or add region = ... to the profile)`
        : 'no region: pass --region or set AWS_REGION',
    );
  }
  const endpoint = options.endpointUrl || env.AWS_ENDPOINT_URL || undefined;
  if (endpoint) {
    const problem = endpointProblem(endpoint);
    if (problem) throw new SessionError(problem);
  }
  let credentials: CredentialsProvider;
  const given = options.credentials;
  if (given) credentials = typeof given === 'function' ? given : async () => given;
  else if (profile) credentials = fromIni({ profile }) as CredentialsProvider;
  else credentials = fromNodeProviderChain() as CredentialsProvider;
  const session: AwsSession = { region, credentials };
  if (profile) session.profile = profile;
  else if (env.AWS_PROFILE) session.profile = env.AWS_PROFILE;
  if (endpoint) session.endpoint = endpoint;
  return session;
}

/** Loopback hosts: the only ones a plain http:// endpoint may name (LocalStack, a local test server). */
function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Why an endpoint override is refused, or undefined: signed requests go there, so it must be https, except plain
 * http to a loopback host (LocalStack on this machine).
 */
export function endpointProblem(endpoint: string): string | undefined {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return `endpoint URL is not an http(s) URL: ${endpoint}`;
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol !== 'http:') return `endpoint URL is not an http(s) URL: ${endpoint}`;
  if (isLoopback(u.hostname)) return undefined;
  return `endpoint URL ${endpoint} is plain http to another machine: signed AWS requests would cross the network unencrypted; use https (plain http is allowed only for localhost / 127.0.0.1)`;
}
