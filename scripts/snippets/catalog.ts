// The one source of truth for the crossing snippets: every snippet is written once here, in the template
// language of ./template.ts, and rendered to snippets/asl.json (JSON form, language `asl`) and
// snippets/asl-yaml.json (YAML form, language `asl-yaml`) by ./generate.ts. Facts: ../shared/DOMAIN.md 1-4.
import { RECOMMENDED_LAMBDA_RETRY } from '../../src/core/crossings/constants';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../../src/core/invokerName';
import { raw, type TemplateValue } from './template';

export type SnippetKind = 'state' | 'fields';

export interface SnippetSpec {
  /** What the user types. */
  prefix: string;
  /** The snippet's name in the contributed files (also what `editor.action.insertSnippet` takes). */
  name: string;
  /** When to use it (shown in the suggest widget and in docs/snippets.md). */
  description: string;
  /** `state`: entries of `States`. `fields`: fields inserted inside an existing Task state. */
  kind: SnippetKind;
  queryLanguage: 'JSONPath' | 'JSONata' | 'any';
  /** Object entries the snippet inserts (state name -> state, or field -> value). */
  body: Record<string, TemplateValue>;
  /** For `fields` snippets: a Task the fields belong in, and the states their Catch targets (tests and docs). */
  host?: { task: Record<string, unknown>; states?: Record<string, unknown> };
}

// ---- Shared pieces (one definition each, so every snippet that uses them agrees) ----

/** Recommended Retry for Lambda tasks (AWS CDK default; DOMAIN.md section 1), the one the rules recommend. */
export const LAMBDA_RETRY: TemplateValue = [
  { ...RECOMMENDED_LAMBDA_RETRY, ErrorEquals: [...RECOMMENDED_LAMBDA_RETRY.ErrorEquals] },
];

/** Throttling and transient gateway errors only: a 500 from a POST may already have had its effect. */
export const APIGATEWAY_RETRY: TemplateValue = [
  {
    ErrorEquals: ['ApiGateway.429', 'ApiGateway.502', 'ApiGateway.503', 'ApiGateway.504'],
    IntervalSeconds: 2,
    MaxAttempts: 3,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

/** Socket failures (60 s cap) and throttling / transient status codes of an HTTP task. */
export const HTTP_RETRY: TemplateValue = [
  {
    ErrorEquals: [
      'States.Http.Socket',
      'States.Http.StatusCode.429',
      'States.Http.StatusCode.502',
      'States.Http.StatusCode.503',
      'States.Http.StatusCode.504',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 3,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

/** The invoker Lambda in the state machine's own account and region. */
const INVOKER_ARN = `arn:aws:lambda:«fnRegion:us-east-1»:«account:111111111111»:function:«function:${DEFAULT_INVOKER_FUNCTION_NAME}»`;
const TARGET_ROLE = 'arn:aws:iam::«targetAccount:222222222222»:role/«roleName:StepFunctionsCrossAccount»';
const API_ENDPOINT = '«apiId:a1b2c3d4e5».execute-api.«region:us-east-1».amazonaws.com';
const CONNECTION_ARN =
  'arn:aws:events:«region:us-east-1»:«account:111111111111»:connection/«connection:my-api-connection»/«connectionId:0123abcd-4567-89ef-0123-456789abcdef»';
const HTTP_ENDPOINT = 'https://«host:api.example.com»/«path:v1/orders»';

const JSONATA = { QueryLanguage: 'JSONata' } as const;

// ---- Hosts for the Retry/Catch blocks (where the fields are inserted in tests and the docs) ----
const LAMBDA_HOST = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:process-order', 'Payload.$': '$' },
  End: true,
};
const APIGATEWAY_HOST = {
  Type: 'Task',
  Resource: 'arn:aws:states:::apigateway:invoke',
  Parameters: {
    ApiEndpoint: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    Method: 'GET',
    Stage: 'prod',
    Path: '/orders',
    AuthType: 'IAM_ROLE',
  },
  End: true,
};
const HTTP_HOST = {
  Type: 'Task',
  Resource: 'arn:aws:states:::http:invoke',
  Parameters: {
    ApiEndpoint: 'https://api.example.com/v1/orders',
    Method: 'GET',
    Authentication: {
      ConnectionArn:
        'arn:aws:events:us-east-1:111111111111:connection/my-api-connection/0123abcd-4567-89ef-0123-456789abcdef',
    },
  },
  End: true,
};
const failState = (error: string) => ({
  Type: 'Fail',
  Error: error,
  Cause: 'See the execution history for the error.',
});

export const SNIPPETS: SnippetSpec[] = [
  // ---- Cross-region AWS SDK calls through the invoker Lambda (DOMAIN.md section 1) ----
  {
    prefix: 'sfnx-invoker',
    name: 'Cross-region SDK call: invoker function ARN (JSONPath)',
    description:
      "Call an AWS API in ANOTHER region (aws-sdk: tasks only reach the state machine's own region): the invoker Lambda (sfn-crossings-invoker) makes the SDK v3 call. Simplest form: the function ARN is the Resource and Parameters is the payload (service = SDK v3 package name, action = camelCase). With the recommended Lambda Retry.",
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:GetParameterInOtherRegion»': {
        Type: 'Task',
        Resource: INVOKER_ARN,
        Parameters: {
          service: '«service:ssm»',
          action: '«action:getParameter»',
          region: '«targetRegion:us-west-2»',
          parameters: { 'Name.$': '«parameterPath:$.parameterName»' },
        },
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-invoker-jsonata',
    name: 'Cross-region SDK call: invoker function ARN (JSONata)',
    description:
      'Cross-region AWS SDK call through the invoker Lambda in a JSONata state: the function ARN is the Resource and Arguments is the payload. Use it in JSONata state machines (or to mix one JSONata state into a JSONPath machine). With the recommended Lambda Retry.',
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:GetParameterInOtherRegion»': {
        Type: 'Task',
        ...JSONATA,
        Resource: INVOKER_ARN,
        Arguments: {
          service: '«service:ssm»',
          action: '«action:getParameter»',
          region: '«targetRegion:us-west-2»',
          parameters: { Name: '{% $states.input.«parameterField:parameterName» %}' },
        },
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-invoker-lambda',
    name: 'Cross-region SDK call: lambda:invoke with Payload (JSONPath)',
    description:
      "Cross-region AWS SDK call through the optimized lambda:invoke integration: the payload goes in Payload and the invoker's result comes back under $.Payload (kept by OutputPath). Use it when you want the Lambda integration's metadata, or FunctionName from a path. With the recommended Lambda Retry.",
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:GetItemInOtherRegion»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: INVOKER_ARN,
          Payload: {
            service: '«service:dynamodb»',
            action: '«action:getItem»',
            region: '«targetRegion:us-west-2»',
            parameters: { TableName: '«table:Orders»', Key: { '«keyName:pk»': { 'S.$': '«keyPath:$.id»' } } },
          },
        },
        OutputPath: '$.Payload',
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-invoker-lambda-jsonata',
    name: 'Cross-region SDK call: lambda:invoke with Payload (JSONata)',
    description:
      "Cross-region AWS SDK call through the optimized lambda:invoke integration in a JSONata state: Arguments.Payload is the invoker payload and Output keeps the call's result ($states.result.Payload). With the recommended Lambda Retry.",
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:GetItemInOtherRegion»': {
        Type: 'Task',
        ...JSONATA,
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: {
          FunctionName: INVOKER_ARN,
          Payload: {
            service: '«service:dynamodb»',
            action: '«action:getItem»',
            region: '«targetRegion:us-west-2»',
            parameters: {
              TableName: '«table:Orders»',
              Key: { '«keyName:pk»': { S: '{% $states.input.«keyField:id» %}' } },
            },
          },
        },
        Output: '{% $states.result.Payload %}',
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-invoker-token',
    name: 'Cross-region SDK call: hand off a task token (.waitForTaskToken, JSONPath)',
    description:
      "Start work in ANOTHER region and wait for it: the invoker sends an SQS message in the target region carrying the task token (message attribute TaskToken); the worker there calls SendTaskSuccess/SendTaskFailure on this state machine's region. Uses lambda:invoke.waitForTaskToken; set TimeoutSeconds. With the recommended Lambda Retry.",
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:WaitForWorkerInOtherRegion»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: INVOKER_ARN,
          Payload: {
            service: 'sqs',
            action: 'sendMessage',
            region: '«targetRegion:us-west-2»',
            parameters: {
              QueueUrl: 'https://sqs.«targetRegion».amazonaws.com/«account»/«queue:work-queue»',
              'MessageBody.$': 'States.JsonToString($)',
              MessageAttributes: { TaskToken: { DataType: 'String', 'StringValue.$': '$$.Task.Token' } },
            },
          },
        },
        TimeoutSeconds: raw('«timeout:3600»'),
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-invoker-token-jsonata',
    name: 'Cross-region SDK call: hand off a task token (.waitForTaskToken, JSONata)',
    description:
      'JSONata form of the cross-region task-token hand-off: the invoker sends an SQS message in the target region with $states.context.Task.Token as the TaskToken attribute; the worker calls SendTaskSuccess/SendTaskFailure. Set TimeoutSeconds. With the recommended Lambda Retry.',
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:WaitForWorkerInOtherRegion»': {
        Type: 'Task',
        ...JSONATA,
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Arguments: {
          FunctionName: INVOKER_ARN,
          Payload: {
            service: 'sqs',
            action: 'sendMessage',
            region: '«targetRegion:us-west-2»',
            parameters: {
              QueueUrl: 'https://sqs.«targetRegion».amazonaws.com/«account»/«queue:work-queue»',
              MessageBody: '{% $string($states.input) %}',
              MessageAttributes: { TaskToken: { DataType: 'String', StringValue: '{% $states.context.Task.Token %}' } },
            },
          },
        },
        TimeoutSeconds: raw('«timeout:3600»'),
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },

  // ---- Cross-account tasks with Credentials (DOMAIN.md section 2) ----
  {
    prefix: 'sfnx-xaccount-role',
    name: 'Cross-account task: Credentials with a literal role (JSONPath)',
    description:
      "Run one task in ANOTHER account: Step Functions assumes the target role for this task only. Use a literal role when the target account is fixed. The target role must trust this state machine's execution role (sts:ExternalId = state machine ARN); the execution role needs sts:AssumeRole on it.",
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:InvokeInTargetAccount»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Credentials: { RoleArn: `«role:${TARGET_ROLE}»` },
        Parameters: {
          FunctionName: 'arn:aws:lambda:«region:us-east-1»:«targetAccount»:function:«targetFunction:process-order»',
          'Payload.$': '$',
        },
        OutputPath: '$.Payload',
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-xaccount-role-input',
    name: 'Cross-account task: Credentials with the role from the input (JSONPath)',
    description:
      'Cross-account task whose target role comes from the execution input (RoleArn.$), e.g. one workflow serving many tenant accounts. The execution role needs sts:AssumeRole on every possible role (or a scoped wildcard). Shown with an aws-sdk DynamoDB GetItem in the target account.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:GetItemInTenantAccount»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem',
        Credentials: { 'RoleArn.$': '«rolePath:$.roleArn»' },
        Parameters: { TableName: '«table:Orders»', Key: { '«keyName:pk»': { 'S.$': '«keyPath:$.id»' } } },
        ResultPath: '$.«resultField:item»',
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-xaccount-role-jsonata',
    name: 'Cross-account task: Credentials built with JSONata',
    description:
      "JSONata cross-account task: the role and the function ARN are built from the input's account id, e.g. inside a Map over accounts. Credentials.RoleArn takes a {% %} expression (or a literal role ARN).",
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:InvokeInEachAccount»': {
        Type: 'Task',
        ...JSONATA,
        Resource: 'arn:aws:states:::lambda:invoke',
        Credentials: {
          RoleArn:
            "{% 'arn:aws:iam::' & $states.input.«accountField:accountId» & ':role/«roleName:StepFunctionsCrossAccount»' %}",
        },
        Arguments: {
          FunctionName:
            "{% 'arn:aws:lambda:«region:us-east-1»:' & $states.input.«accountField» & ':function:«targetFunction:process-order»' %}",
          Payload: '{% $states.input %}',
        },
        Output: '{% $states.result.Payload %}',
        Retry: LAMBDA_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-xaccount-sync',
    name: 'Cross-account nested workflow: states:startExecution.sync:2 (JSONPath)',
    description:
      'Run a Standard state machine in ANOTHER account and wait for it to finish (output parsed as JSON under $.Output). Step Functions polls with the target role, so that role needs states:StartExecution on the state machine and states:DescribeExecution/StopExecution on its executions. Not for Express targets: use sfnx-xaccount-express.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:RunTargetWorkflow»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Credentials: { RoleArn: TARGET_ROLE },
        Parameters: {
          StateMachineArn: 'arn:aws:states:«region:us-east-1»:«targetAccount»:stateMachine:«target:TargetStateMachine»',
          Input: { 'payload.$': '$', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
        },
        OutputPath: '$.Output',
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-xaccount-sync-jsonata',
    name: 'Cross-account nested workflow: states:startExecution.sync:2 (JSONata)',
    description:
      'JSONata form of the cross-account nested Standard workflow (.sync:2, waits for completion). The target role needs the polling permissions (states:DescribeExecution, states:StopExecution).',
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:RunTargetWorkflow»': {
        Type: 'Task',
        ...JSONATA,
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Credentials: { RoleArn: TARGET_ROLE },
        Arguments: {
          StateMachineArn: 'arn:aws:states:«region:us-east-1»:«targetAccount»:stateMachine:«target:TargetStateMachine»',
          Input: {
            payload: '{% $states.input %}',
            AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: '{% $states.context.Execution.Id %}',
          },
        },
        Output: '{% $states.result.Output %}',
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-xaccount-express',
    name: 'Cross-account Express workflow: aws-sdk:sfn:startSyncExecution (JSONPath)',
    description:
      'Run an EXPRESS state machine in another account synchronously (Express targets cannot use startExecution.sync). A failed Express execution does not fail this task: check $.Status (SUCCEEDED) in a Choice; $.Output is a JSON string (States.StringToJson). The target role needs states:StartSyncExecution.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:RunTargetExpressWorkflow»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:sfn:startSyncExecution',
        Credentials: { RoleArn: TARGET_ROLE },
        Parameters: {
          StateMachineArn:
            'arn:aws:states:«region:us-east-1»:«targetAccount»:stateMachine:«target:TargetExpressStateMachine»',
          'Input.$': 'States.JsonToString($)',
        },
        ResultPath: '$.«resultField:express»',
        End: true,
      },
    },
  },

  // ---- API Gateway (DOMAIN.md section 3) ----
  {
    prefix: 'sfnx-apigw-iam',
    name: 'API Gateway: apigateway:invoke signed with the execution role (IAM_ROLE, JSONPath)',
    description:
      'Call an API Gateway REST or HTTP API in the SAME account, signed with the execution role (IAM_ROLE; needs execute-api:Invoke). ApiEndpoint is the host only; query values are arrays. IAM_ROLE does not work across accounts: use sfnx-apigw-resource-policy. Not for other hosts: use sfnx-http-get.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:GetOrders»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::apigateway:invoke',
        Parameters: {
          ApiEndpoint: API_ENDPOINT,
          Method: '«method|GET,DELETE,HEAD,OPTIONS|»',
          Stage: '«stage:prod»',
          Path: '«path:/orders»',
          QueryParameters: { '«queryName:status».$': 'States.Array($.«queryName»)' },
          AuthType: '«authType|IAM_ROLE,NO_AUTH|»',
        },
        ResultPath: '$.«resultField:response»',
        Retry: APIGATEWAY_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-apigw-resource-policy',
    name: 'API Gateway: start an execution in another account through its REST API (RESOURCE_POLICY)',
    description:
      'Cross-account call to a REST API whose resource policy allows this state machine (AuthType RESOURCE_POLICY, method with AWS_IAM auth). Shown with the account-B pattern: POST /execution integrated with Step Functions StartExecution, body {input (JSON string), stateMachineArn}; returns executionArn.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:StartExecutionInTargetAccount»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::apigateway:invoke',
        Parameters: {
          ApiEndpoint: API_ENDPOINT,
          Method: 'POST',
          Stage: '«stage:prod»',
          Path: '«path:/execution»',
          RequestBody: {
            'input.$': 'States.JsonToString($)',
            stateMachineArn:
              'arn:aws:states:«region»:«targetAccount:222222222222»:stateMachine:«target:TargetStateMachine»',
          },
          AuthType: 'RESOURCE_POLICY',
        },
        ResultSelector: { 'executionArn.$': '$.ResponseBody.executionArn' },
        ResultPath: '$.«resultField:execution»',
        Retry: APIGATEWAY_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-apigw-token',
    name: 'API Gateway: callback with a task token in Headers (.waitForTaskToken)',
    description:
      'Call an API and pause until the backend calls SendTaskSuccess/SendTaskFailure: apigateway:invoke.waitForTaskToken, the token travels in the TaskToken header (header values are arrays). Set TimeoutSeconds. API Gateway has no .sync.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:SubmitJobAndWait»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::apigateway:invoke.waitForTaskToken',
        Parameters: {
          ApiEndpoint: API_ENDPOINT,
          Method: '«method|POST,PUT,PATCH|»',
          Stage: '«stage:prod»',
          Path: '«path:/jobs»',
          Headers: { 'TaskToken.$': 'States.Array($$.Task.Token)' },
          'RequestBody.$': '$',
          AuthType: '«authType|IAM_ROLE,NO_AUTH,RESOURCE_POLICY|»',
        },
        TimeoutSeconds: raw('«timeout:3600»'),
        Retry: APIGATEWAY_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-apigw-jsonata',
    name: 'API Gateway: apigateway:invoke (JSONata)',
    description:
      'apigateway:invoke in a JSONata state, with a choice of AuthType: NO_AUTH (open API), IAM_ROLE (same account, execution role signs), RESOURCE_POLICY (cross-account REST API whose resource policy names this state machine). Output keeps the ResponseBody.',
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:CreateOrder»': {
        Type: 'Task',
        ...JSONATA,
        Resource: 'arn:aws:states:::apigateway:invoke',
        Arguments: {
          ApiEndpoint: API_ENDPOINT,
          Method: '«method|POST,PUT,PATCH|»',
          Stage: '«stage:prod»',
          Path: '«path:/orders»',
          Headers: { 'Content-Type': ['application/json'] },
          RequestBody: '{% $states.input %}',
          AuthType: '«authType|NO_AUTH,IAM_ROLE,RESOURCE_POLICY|»',
        },
        Output: '{% $states.result.ResponseBody %}',
        Retry: APIGATEWAY_RETRY,
        End: true,
      },
    },
  },

  // ---- HTTP task with an EventBridge connection (DOMAIN.md section 4) ----
  {
    prefix: 'sfnx-http-get',
    name: 'HTTP task: GET a third-party API with query parameters (http:invoke)',
    description:
      'Call a public HTTPS API that is not API Gateway (SaaS, partner, your own service). Credentials live in the EventBridge connection (API key, basic or OAuth), never in Headers. Needs states:InvokeHTTPEndpoint and events:RetrieveConnectionCredentials.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:GetOrdersFromApi»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: HTTP_ENDPOINT,
          Method: 'GET',
          Authentication: { ConnectionArn: CONNECTION_ARN },
          QueryParameters: { '«queryName:status».$': '$.«queryName»', limit: '«limit:50»' },
        },
        ResultPath: '$.«resultField:response»',
        Retry: HTTP_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-http-post',
    name: 'HTTP task: send JSON to a third-party API (http:invoke)',
    description:
      'POST/PUT/PATCH a JSON body to a public HTTPS API through an EventBridge connection (which holds the API key or OAuth client). Use it for webhooks and SaaS APIs; use apigateway:invoke for API Gateway.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:SendOrderToApi»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: HTTP_ENDPOINT,
          Method: '«method|POST,PUT,PATCH|»',
          Authentication: { ConnectionArn: CONNECTION_ARN },
          Headers: { 'Content-Type': 'application/json' },
          'RequestBody.$': '«bodyPath:$.order»',
        },
        ResultPath: '$.«resultField:response»',
        Retry: HTTP_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-http-form',
    name: 'HTTP task: send a URL-encoded form (http:invoke with Transform)',
    description:
      'POST an application/x-www-form-urlencoded body: Step Functions encodes the JSON RequestBody (Transform.RequestBodyEncoding URL_ENCODED; ArrayFormat says how arrays are written). Use it for form-style APIs.',
    kind: 'state',
    queryLanguage: 'JSONPath',
    body: {
      '«name:SubmitForm»': {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: HTTP_ENDPOINT,
          Method: 'POST',
          Authentication: { ConnectionArn: CONNECTION_ARN },
          Headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          RequestBody: { '«field:email».$': '$.«field»', '«arrayField:tags».$': '$.«arrayField»' },
          Transform: {
            RequestBodyEncoding: 'URL_ENCODED',
            RequestEncodingOptions: { ArrayFormat: '«arrayFormat|BRACKETS,INDICES,REPEAT,COMMAS|»' },
          },
        },
        ResultPath: '$.«resultField:response»',
        Retry: HTTP_RETRY,
        End: true,
      },
    },
  },
  {
    prefix: 'sfnx-http-jsonata',
    name: 'HTTP task: send JSON to a third-party API (http:invoke, JSONata)',
    description:
      'http:invoke in a JSONata state: the body is the state input, Output keeps the ResponseBody. Authentication through an EventBridge connection.',
    kind: 'state',
    queryLanguage: 'JSONata',
    body: {
      '«name:SendOrderToApi»': {
        Type: 'Task',
        ...JSONATA,
        Resource: 'arn:aws:states:::http:invoke',
        Arguments: {
          ApiEndpoint: HTTP_ENDPOINT,
          Method: '«method|POST,PUT,PATCH|»',
          Authentication: { ConnectionArn: CONNECTION_ARN },
          Headers: { 'Content-Type': 'application/json' },
          RequestBody: '{% $states.input %}',
        },
        Output: '{% $states.result.ResponseBody %}',
        Retry: HTTP_RETRY,
        End: true,
      },
    },
  },

  // ---- Retry / Catch blocks (inserted inside a Task state) ----
  {
    prefix: 'sfnx-retry-lambda',
    name: 'Retry: Lambda and invoker tasks',
    description:
      'The recommended Retry for Lambda tasks, including the invoker (Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException, Lambda.ClientExecutionTimeoutException; 2 s, x2, 6 attempts). Timeouts and out-of-memory surface as Lambda.Unknown and are not retried.',
    kind: 'fields',
    queryLanguage: 'any',
    body: { Retry: LAMBDA_RETRY },
    host: { task: LAMBDA_HOST },
  },
  {
    prefix: 'sfnx-retry-apigw',
    name: 'Retry: API Gateway throttling and gateway errors',
    description:
      'Retry for apigateway:invoke tasks: only ApiGateway.429/502/503/504 with jitter. Other statuses fail as ApiGateway.<status>; a 500 is not retried because a POST may already have had its effect.',
    kind: 'fields',
    queryLanguage: 'any',
    body: { Retry: APIGATEWAY_RETRY },
    host: { task: APIGATEWAY_HOST },
  },
  {
    prefix: 'sfnx-retry-http',
    name: 'Retry: HTTP task socket errors and throttling',
    description:
      'Retry for http:invoke tasks: States.Http.Socket (connection failures, 60 s cap) and States.Http.StatusCode.429/502/503/504, with jitter. (Error names from third-party sources: check them with TestState.)',
    kind: 'fields',
    queryLanguage: 'any',
    body: { Retry: HTTP_RETRY },
    host: { task: HTTP_HOST },
  },
  {
    prefix: 'sfnx-catch-lambda',
    name: 'Catch: Lambda and invoker failures',
    description:
      "Catch what retries cannot fix on a Lambda or invoker task: Lambda.Unknown (timeout, out of memory), the invoker's own refusals (Invoker.CallNotAllowed, Invoker.RegionNotAllowed, Invoker.InvalidInput) and any other task failure. Add ResultPath (JSONPath) or Output (JSONata) to keep the input.",
    kind: 'fields',
    queryLanguage: 'any',
    body: {
      Catch: [
        {
          ErrorEquals: [
            'Lambda.Unknown',
            'Invoker.CallNotAllowed',
            'Invoker.RegionNotAllowed',
            'Invoker.InvalidInput',
            'States.TaskFailed',
          ],
          Next: '«handler:HandleFailure»',
        },
      ],
    },
    host: { task: LAMBDA_HOST, states: { HandleFailure: failState('LambdaCallFailed') } },
  },
  {
    prefix: 'sfnx-catch-apigw',
    name: 'Catch: API Gateway client and server errors',
    description:
      'Catch the statuses an apigateway:invoke task fails with (ApiGateway.<status>): 400, 403 (IAM or resource policy mismatch), 404 (stage/path), 500, then any other failure. Add ResultPath (JSONPath) or Output (JSONata) to keep the input.',
    kind: 'fields',
    queryLanguage: 'any',
    body: {
      Catch: [
        {
          ErrorEquals: ['ApiGateway.400', 'ApiGateway.403', 'ApiGateway.404', 'ApiGateway.500', 'States.TaskFailed'],
          Next: '«handler:HandleApiError»',
        },
      ],
    },
    host: { task: APIGATEWAY_HOST, states: { HandleApiError: failState('ApiCallFailed') } },
  },
  {
    prefix: 'sfnx-catch-http',
    name: 'Catch: HTTP task errors',
    description:
      'Catch the failures of an http:invoke task: client statuses (States.Http.StatusCode.400/401/403/404), a connection the role cannot read (Events.ConnectionResource.AccessDenied), then any other failure. Add ResultPath (JSONPath) or Output (JSONata) to keep the input.',
    kind: 'fields',
    queryLanguage: 'any',
    body: {
      Catch: [
        {
          ErrorEquals: [
            'States.Http.StatusCode.400',
            'States.Http.StatusCode.401',
            'States.Http.StatusCode.403',
            'States.Http.StatusCode.404',
            'Events.ConnectionResource.AccessDenied',
            'States.TaskFailed',
          ],
          Next: '«handler:HandleHttpError»',
        },
      ],
    },
    host: { task: HTTP_HOST, states: { HandleHttpError: failState('HttpCallFailed') } },
  },
];
