// Resource shape (ASL209): Lambda function ARNs (with alias/version qualifiers), Step Functions service
// integrations (`arn:<p>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]`; `aws-sdk:` ones also
// with a region and account, as AWS samples deploy them), activities and
// other ARNs of the three partitions; `${...}` template substitutions and CloudFormation intrinsic
// objects are accepted as the surrounding template will resolve them.
// Sources: https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html,
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (FunctionName/Qualifier patterns),
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html.
import { memoize } from '../memo';
import type { PropertyNode } from '../parse/ast';
import { atValue, finding, type RuleContext } from '../model/rule';
import { DocumentCodes as C } from './codes';
import { type Label, describe, label, q } from './util';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.+)$/s;
const LAMBDA_FUNCTION = /^function:([A-Za-z0-9_-]{1,64})(?::(.*))?$/s;
const LAMBDA_QUALIFIER = /^(\$LATEST|[A-Za-z0-9_-]{1,128})$/;
const INTEGRATION = /^([a-z0-9-]+):([A-Za-z][A-Za-z0-9]*)(\.sync(?::2)?|\.waitForTaskToken)?$/;
const SDK_INTEGRATION = /^aws-sdk:([a-z0-9-]+):([A-Za-z][A-Za-z0-9]*)(\.waitForTaskToken)?$/;
const ACTIVITY = /^activity:[A-Za-z0-9_.~+=@-]{1,80}$/;
const REGION = /^[a-z0-9-]*$/;
const ACCOUNT = /^\d*$/;
const REGIONAL = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_ID = /^\d{12}$/;

export type ResourceKind = 'task' | 'itemReader' | 'resultWriter';
type ResourceProblem = { message: string; severity: 'error' | 'warning' } | undefined;

/** Verdicts by kind and Resource string: a definition repeats a handful of resources thousands of times. */
const verdicts: Record<ResourceKind, (value: string) => ResourceProblem> = {
  task: memoize((v) => judgeResource(v, 'task')),
  itemReader: memoize((v) => judgeResource(v, 'itemReader')),
  resultWriter: memoize((v) => judgeResource(v, 'resultWriter')),
};

/** Returns an error message for a bad Resource string, or undefined when it is acceptable. */
export function resourceProblem(value: string, kind: ResourceKind): ResourceProblem {
  return verdicts[kind](value);
}

function judgeResource(value: string, kind: ResourceKind): ResourceProblem {
  if (value.includes('${') || value.includes('#{')) return substitutionProblem(value);
  const m = ARN.exec(value);
  if (!m) {
    return {
      severity: 'error',
      message: `"Resource" must be an ARN (for example arn:aws:states:::lambda:invoke or arn:aws:lambda:us-east-1:123456789012:function:name), a \${Name} substitution, or a CloudFormation Ref/Fn::GetAtt; ${q(value)} is none of these.`,
    };
  }
  const [, partition, service, region, account, rest] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!PARTITIONS.includes(partition)) {
    return {
      severity: 'warning',
      message: `The ARN partition ${q(partition)} is not one of ${PARTITIONS.join(', ')}: check the ARN (Step Functions cannot call across partitions).`,
    };
  }
  if (!REGION.test(region) || !ACCOUNT.test(account)) {
    return {
      severity: 'error',
      message: `The ARN ${q(value)} has an invalid region or account id: the account id is 12 digits.`,
    };
  }
  if (service === 'lambda') {
    const f = LAMBDA_FUNCTION.exec(rest);
    if (!f)
      return {
        severity: 'error',
        message: `The Lambda ARN ${q(value)} does not name a function: use arn:${partition}:lambda:<region>:<account>:function:<name>[:<alias or version>].`,
      };
    const qualifier = f[2];
    if (qualifier !== undefined && !LAMBDA_QUALIFIER.test(qualifier)) {
      return {
        severity: 'error',
        message:
          qualifier === ''
            ? `The Lambda ARN ${q(value)} ends with ":" but no alias or version: remove the trailing ":" or add the qualifier.`
            : `The Lambda qualifier ${q(qualifier)} is not valid: an alias or version is letters, digits, "-" and "_" (or $LATEST).`,
      };
    }
    return undefined;
  }
  if (service === 'states') {
    if (region === '' && account === '') {
      if (kind === 'task' && SDK_INTEGRATION.test(rest)) return undefined;
      if (rest.startsWith('aws-sdk:'))
        return {
          severity: 'error',
          message: `${q(value)} is not a valid AWS SDK integration: use arn:${partition}:states:::aws-sdk:<service>:<action>[.waitForTaskToken] (AWS SDK integrations have no .sync).`,
        };
      if (INTEGRATION.test(rest)) return undefined;
      return {
        severity: 'error',
        message: `${q(value)} is not a valid service integration: use arn:${partition}:states:::<service>:<action> with an optional .sync, .sync:2 or .waitForTaskToken suffix.`,
      };
    }
    if (kind === 'task' && ACTIVITY.test(rest)) return undefined;
    // AWS's own samples deploy aws-sdk integrations with the machine's region and account in the ARN
    // (arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject); the service accepts them.
    if (kind === 'task' && SDK_INTEGRATION.test(rest) && REGIONAL.test(region) && ACCOUNT_ID.test(account))
      return undefined;
    return {
      severity: 'error',
      message: `${q(value)} is neither a service integration (arn:${partition}:states:::<service>:<action>) nor an activity (arn:${partition}:states:<region>:<account>:activity:<name>).`,
    };
  }
  return undefined;
}

/** `${Name}` (SAM, CloudFormation, Serverless, Terraform) and `#{Name}` (serverless-pseudo-parameters). */
function substitutionProblem(value: string): { message: string; severity: 'error' } | undefined {
  for (let i = 0; i < value.length - 1; i++) {
    if ((value[i] !== '$' && value[i] !== '#') || value[i + 1] !== '{') continue;
    const close = value.indexOf('}', i + 2);
    if (close === -1)
      return {
        severity: 'error',
        message: `The substitution starting at ${q(value.slice(i, i + 30))} is not closed: write ${value[i]}{Name} with a closing "}".`,
      };
    if (close === i + 2)
      return { severity: 'error', message: `The substitution "${value[i]}{}" is empty: write ${value[i]}{Name}.` };
    i = close;
  }
  return undefined;
}

/** CloudFormation intrinsic objects a template resolves into a string ({"Ref": ...}, {"Fn::GetAtt": ...}, ...). */
function isCloudFormationIntrinsic(p: PropertyNode): boolean {
  const v = p.value;
  return (
    v.kind === 'object' &&
    v.properties.length === 1 &&
    (v.properties[0]!.key === 'Ref' || v.properties[0]!.key.startsWith('Fn::'))
  );
}

export function checkResource(ctx: RuleContext, p: PropertyNode | undefined, where: Label, kind: ResourceKind): void {
  if (!p) return;
  if (isCloudFormationIntrinsic(p)) return;
  if (p.value.kind !== 'string') {
    ctx.report(
      finding(
        C.resource,
        'error',
        `${label(where)}: "Resource" must be an ARN string (or a CloudFormation Ref/Fn::GetAtt object), not ${describe(p.value)}.`,
        atValue(p),
      ),
    );
    return;
  }
  const problem = resourceProblem(p.value.value as string, kind);
  if (problem)
    ctx.report(
      finding(
        C.resource,
        problem.severity,
        `${label(where)}: ${problem.message.charAt(0).toLowerCase()}${problem.message.slice(1)}`,
        atValue(p),
      ),
    );
}
