// Which credentials check which account: `--account-profile ACCOUNT=PROFILE` / the `sfnCrossings.accounts` setting
// map accounts to named profiles (SSO included, through ../session), and the default session (`--profile`, else the
// standard chain) serves the account it belongs to (asked once with sts:GetCallerIdentity). A profile that turns
// out to belong to another account is refused. An account without credentials is "not checked", never guessed.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AccountPorts, CheckPorts } from '../../core/check/types';
import { createAwsSession, type AwsSession, type AwsSessionOptions } from '../session';
import { createAccountPorts } from './accountPorts';
import { checkCallError } from './callErrors';

export interface CheckAccountsOptions {
  /** The default profile (else the standard credential chain). */
  profile?: string;
  /** Account id -> profile name. */
  accountProfiles: Record<string, string>;
  region?: string;
  endpointUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Explicit credentials per account (tests, or callers that already hold them); wins over profiles. */
  credentials?: Record<string, AwsSessionOptions['credentials']>;
}

const ACCOUNT_RE = /^\d{12}$/;

/** Parses `111111111111=profile` entries; returns the map or the first bad entry's message. */
export function parseAccountProfiles(entries: string[]): Record<string, string> | { error: string } {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const m = /^\s*(\d{12})\s*=\s*(\S+)\s*$/.exec(e);
    if (!m) return { error: `--account-profile takes ACCOUNT=PROFILE with a 12-digit account id, not "${e}"` };
    out[m[1]!] = m[2]!;
  }
  return out;
}

async function accountOf(session: AwsSession): Promise<string> {
  const sts = new STSClient({
    region: session.region,
    credentials: session.credentials,
    maxAttempts: 3,
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  });
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return out.Account ?? '';
  } catch (e) {
    throw checkCallError(e, 'sts:GetCallerIdentity', {
      ...(session.profile ? { profile: session.profile } : {}),
      ...(session.endpoint ? { endpoint: session.endpoint } : {}),
    });
  }
}

export interface CheckAccounts extends CheckPorts {
  /** The account of the default credentials (throws CheckCallError when they do not work: a usage problem). */
  defaultAccount(): Promise<string>;
  /** Accounts with configured credentials. */
  configured(): string[];
}

export async function createCheckAccounts(o: CheckAccountsOptions): Promise<CheckAccounts> {
  const base = { region: o.region, endpointUrl: o.endpointUrl, env: o.env };
  const defaultSession = await createAwsSession({ ...base, profile: o.profile, credentials: undefined });
  let defaultAccount: Promise<string> | undefined;
  const getDefault = () => (defaultAccount ??= accountOf(defaultSession));
  const ports = new Map<string, Promise<AccountPorts | { missing: string }>>();
  const resolve = async (account: string): Promise<AccountPorts | { missing: string }> => {
    const explicit = o.credentials?.[account];
    const profile = o.accountProfiles[account];
    if (explicit || profile) {
      let session: AwsSession;
      try {
        session = await createAwsSession({
          ...base,
          region: o.region ?? defaultSession.region,
          ...(explicit ? { credentials: explicit } : { profile }),
        });
      } catch (e) {
        return { missing: `profile ${profile}: ${(e as Error).message}` };
      }
      let actual: string;
      try {
        actual = await accountOf(session);
      } catch (e) {
        return {
          missing: `the credentials of ${profile ? `profile ${profile}` : `account ${account}`} do not work: ${(e as Error).message}`,
        };
      }
      if (actual !== account) return { missing: `profile ${profile} belongs to account ${actual}, not ${account}` };
      return createAccountPorts(session, account, profile ? `profile ${profile}` : 'given credentials');
    }
    const none = `no profile for account ${account} (map one with --account-profile ${account}=PROFILE or the setting sfnCrossings.accounts)`;
    let own: string;
    try {
      own = await getDefault();
    } catch (e) {
      return { missing: `${none}; the default credentials do not work either: ${(e as Error).message}` };
    }
    if (own === account)
      return createAccountPorts(defaultSession, account, o.profile ? `profile ${o.profile}` : 'default credentials');
    return { missing: none };
  };
  return {
    defaultAccount: getDefault,
    configured: () =>
      [...new Set([...Object.keys(o.accountProfiles), ...Object.keys(o.credentials ?? {})])].filter((a) =>
        ACCOUNT_RE.test(a),
      ),
    forAccount(account) {
      let p = ports.get(account);
      if (!p) {
        p = resolve(account);
        ports.set(account, p);
      }
      return p;
    },
  };
}
