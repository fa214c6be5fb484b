// Turns AWS SDK and credential errors into one-line messages a user can act on: the missing IAM action for
// AccessDenied, `aws sso login --profile NAME` for an expired SSO session, what to do about throttling.
// Messages never contain credentials.

export interface ErrorContext {
  /** The operation we were calling, as an IAM action (`iam:CreateRole`), when known. */
  action?: string;
  /** The profile in use, for SSO messages. */
  profile?: string;
  /** The endpoint override, for connection messages. */
  endpoint?: string;
}

function field(e: unknown, key: string): string {
  const v = (e as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : '';
}

/** A one-line, actionable explanation of an error from an AWS call. */
export function explainAwsError(e: unknown, ctx: ErrorContext = {}): string {
  const name = field(e, 'name') || field(e, 'Code') || 'Error';
  const message = (field(e, 'message') || String(e)).replace(/\s+/g, ' ').trim();
  const code = field(e, 'code');
  const login = `aws sso login${ctx.profile ? ` --profile ${ctx.profile}` : ''}`;
  if (
    /SSO session .*(expired|invalid)|token is expired|Token has expired|refresh failed|SSO Token/i.test(message) ||
    name === 'TokenProviderError'
  ) {
    return `the SSO session${ctx.profile ? ` of profile ${ctx.profile}` : ''} has expired or is invalid: run \`${login}\` and try again`;
  }
  if (/Could not load credentials from any providers|Unable to find (a )?(valid )?credentials/i.test(message)) {
    return 'no AWS credentials found: pass --profile NAME (or set AWS_PROFILE), or run `aws configure` / `aws sso login`';
  }
  if (name === 'CredentialsProviderError' || /Profile .* (could not be found|not found)/i.test(message)) {
    return `cannot load credentials${ctx.profile ? ` for profile ${ctx.profile}` : ''}: ${message}`;
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || name === 'RequestExpired') {
    return `the AWS session token has expired: ${ctx.profile ? `run \`${login}\` or ` : ''}refresh your credentials and try again`;
  }
  if (name === 'InvalidClientTokenId' || name === 'UnrecognizedClientException' || name === 'SignatureDoesNotMatch') {
    return `AWS rejected the credentials (${name}): check the access key and secret of ${ctx.profile ? `profile ${ctx.profile}` : 'the credentials in use'}`;
  }
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) {
    const m = /not authorized to perform:? (\S+)(?: on resource:? (\S+))?/i.exec(message);
    const action = m?.[1] ?? ctx.action;
    const who = /User: (\S+)/.exec(message)?.[1];
    const on = m?.[2] ? ` on ${m[2]}` : '';
    return action
      ? `access denied: ${who ?? 'your identity'} is not allowed to call ${action}${on}; grant ${action} to it (or use a profile that has it) and run again`
      : `access denied (${name}): ${message}`;
  }
  if (name === 'ResourceConflictException' && /already exist/i.test(message)) {
    return `${ctx.action ?? 'the call'} found the resource already there (created meanwhile by someone else?): run the command again to update it`;
  }
  if (name === 'ResourceConflictException') {
    return `the function is being updated by another deployment (${message}): wait for it to finish and run again`;
  }
  if (/Throttl|TooManyRequests|SlowDown|RequestLimitExceeded|Rate exceeded/i.test(`${name} ${message}`)) {
    return `AWS is throttling ${ctx.action ?? 'the requests'} (${name}) even after retries: wait a minute and run again; nothing was rolled back`;
  }
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'ETIMEDOUT' ||
    code === 'ECONNRESET' ||
    /ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(message)
  ) {
    return `cannot reach ${ctx.endpoint ?? 'AWS'} (${code || name}): check the network${ctx.endpoint ? ' and the endpoint URL' : ''}`;
  }
  return `${ctx.action ? `${ctx.action} failed: ` : ''}${name}: ${message}`;
}
