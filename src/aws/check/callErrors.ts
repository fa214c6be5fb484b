// Classifies a failed read of the live checks: the thing is missing (an answer: the check fails), or the check
// could not be made (access denied, throttled after retries, the endpoint lacks the API, bad credentials). The
// message comes from ../errors (actionable, never with credentials).
import { CheckCallError, type CallFailure } from '../../core/check/types';
import { explainAwsError, type ErrorContext } from '../errors';

const NOT_FOUND = new Set([
  'NoSuchEntity',
  'NoSuchEntityException',
  'NotFoundException',
  'ResourceNotFoundException',
  'StateMachineDoesNotExist',
]);
const UNSUPPORTED = new Set([
  'UnknownService',
  'UnknownOperationException',
  'InvalidAction',
  'NotImplemented',
  'NotImplementedException',
  'MissingAuthenticationToken',
]);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
]);

export function classify(name: string, message: string): CallFailure {
  if (NOT_FOUND.has(name)) return 'not-found';
  if (UNSUPPORTED.has(name)) return 'unsupported';
  if (CREDENTIALS.has(name) || /Could not load credentials|SSO session|Token has expired/i.test(message))
    return 'credentials';
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) return 'access-denied';
  if (/Throttl|TooManyRequests|Rate exceeded|RequestLimitExceeded/i.test(`${name} ${message}`)) return 'throttled';
  return 'error';
}

/** `explained`: the message is already a one-line explanation (e.g. from ../sfnClient). */
export function checkCallError(e: unknown, action: string, ctx: ErrorContext, explained = false): CheckCallError {
  const name = String((e as { name?: unknown } | null)?.name ?? 'Error');
  const raw = String((e as { message?: unknown } | null)?.message ?? e);
  const failure = classify(name, raw);
  const message =
    explained || failure === 'not-found'
      ? raw
      : failure === 'unsupported'
        ? `the endpoint does not support ${action} (${name})`
        : failure === 'throttled'
          ? `AWS is throttling ${action} (${name}) even after the SDK's retries: run the check again in a minute`
          : explainAwsError(e, { ...ctx, action });
  return new CheckCallError(failure, message, action);
}
