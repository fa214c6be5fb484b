// Values the crossing rules and their fixes share: the connection ARN placeholder and the recommended Lambda Retry.

export const CONNECTION_ARN_PLACEHOLDER =
  'arn:aws:events:us-east-1:111122223333:connection/REPLACE-WITH-YOUR-CONNECTION/00000000-0000-0000-0000-000000000000';

export function connectionPlaceholder(partition: string | undefined): string {
  return CONNECTION_ARN_PLACEHOLDER.replace('arn:aws:', `arn:${partition ?? 'aws'}:`);
}

/** The Retry AWS CDK puts on its cross-region Lambda task (DOMAIN.md section 1). */
export const RECOMMENDED_LAMBDA_RETRY = {
  ErrorEquals: [
    'Lambda.ClientExecutionTimeoutException',
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
  ],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
};
