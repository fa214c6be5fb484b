// JSON Schemas (draft-07) of the crossing parts of a Task state, written once here and emitted to schemas/ by
// ./generate.ts: Credentials, apigateway:invoke Parameters/Arguments, http:invoke Parameters/Arguments and
// the invoker payload. Every field gets its JSONPath twin (`Field.$`, a path, not suggested) and accepts a
// JSONata `{% %}` expression. Facts and wording: ../shared/DOMAIN.md sections 1-4. The editor serves hover
// and completion from these files (src/extension/schema/); the unit tests cross-check the snippets with them.

import { API_GATEWAY_FORBIDDEN_HEADERS, HTTP_RUNTIME_FORBIDDEN_HEADERS } from '../../src/core/crossings/headers';

type Schema = Record<string, unknown>;

const BASE = 'https://github.com/sfn-crossings/sfn-crossings/blob/main/schemas';
const DOCS = 'https://docs.aws.amazon.com/step-functions/latest/dg';

const JSONATA: Schema = {
  type: 'string',
  pattern: '^\\s*\\{%[\\s\\S]*%\\}\\s*$',
  description: 'A JSONata expression `{% ... %}` (JSONata states), evaluated at run time.',
};

const PATH_DESCRIPTION =
  'A JSONPath (`$.field`), context object (`$$.Task.Token`), variable (`$name`) or intrinsic function (`States.Format(...)`) whose value is used at run time.';
const PATH: Schema = { type: 'string', minLength: 1 };

/** Case-insensitive regex source for a literal, e.g. `ci('te')` -> `[Tt][Ee]`. */
function ci(literal: string): string {
  return [...literal]
    .map((c) =>
      /[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'),
    )
    .join('');
}
const oneOfNames = (names: string[], prefixes: string[] = []): string =>
  `^(?:${[...names.map((n) => `${ci(n)}$`), ...prefixes.map((p) => ci(p))].join('|')})`;

interface FieldOptions {
  required?: boolean;
  /** No JSONata alternative (the field itself holds an expression). */
  noJsonata?: boolean;
}
interface Field extends FieldOptions {
  schema: Schema;
  description: string;
}
const field = (description: string, schema: Schema, options: FieldOptions = {}): Field => ({
  description,
  schema,
  ...options,
});

/** The JSON type(s) a field takes with its JSONata alternative (a string), the field's own type first. */
function outerType(schema: Schema): string | string[] | undefined {
  const own = schema.type;
  if (own === undefined) return schema.enum ? 'string' : undefined;
  const types = [...new Set([...(Array.isArray(own) ? own : [own]), 'string'])] as string[];
  return types.length === 1 ? types[0] : types;
}

/** An object schema from fields: each field, its `.$` twin, and "one of the two" for required fields. */
function objectOf(title: string, description: string, fields: Record<string, Field>, extra: Schema = {}): Schema {
  const properties: Record<string, Schema> = {};
  const allOf: Schema[] = [];
  for (const [name, f] of Object.entries(fields)) {
    properties[name] = f.noJsonata
      ? { description: f.description, markdownDescription: f.description, ...f.schema }
      : {
          description: f.description,
          markdownDescription: f.description,
          // The outer type lets completion insert a value placeholder (`"Method": "$1"`); JSONata is a string.
          type: outerType(f.schema),
          anyOf: [f.schema, { $ref: '#/definitions/jsonata' }],
        };
    // No $ref with siblings: draft-07 ignores a $ref's siblings (here the description).
    properties[`${name}.$`] = {
      description: `${f.description}\n\nTaken from a path (JSONPath states): ${PATH_DESCRIPTION}`,
      markdownDescription: `${f.description}\n\nTaken from a path (JSONPath states): ${PATH_DESCRIPTION}`,
      ...PATH,
      doNotSuggest: true,
    };
    allOf.push({
      not: { required: [name, `${name}.$`] },
      errorMessage: `Use either "${name}" or "${name}.$", not both.`,
    });
    if (f.required) {
      allOf.push({
        anyOf: [{ required: [name] }, { required: [`${name}.$`] }],
        errorMessage: `"${name}" is required.`,
      });
    }
  }
  return {
    title,
    description,
    markdownDescription: description,
    type: 'object',
    properties,
    additionalProperties: false,
    ...(allOf.length ? { allOf } : {}),
    ...extra,
  };
}

function document(id: string, schema: Schema, definitions: Record<string, Schema> = {}): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${BASE}/${id}`,
    ...schema,
    definitions: {
      jsonata: JSONATA,
      path: { ...PATH, description: PATH_DESCRIPTION },
      ...definitions,
    },
  };
}

const ROLE_ARN_PATTERN = '^arn:aws(?:-[a-z]+)*:iam::(?:\\d{12}|\\$\\{[^}]+\\}):role/[\\w+=,.@/${}-]{1,512}$';

export const credentialsSchema = document(
  'credentials.schema.json',
  objectOf(
    'Task Credentials (cross-account)',
    `The IAM role Step Functions assumes for this one task, to act in another account. Exactly one field: \`RoleArn\` (a literal role ARN or a JSONata expression) or \`RoleArn.$\` (a path). The target role must trust this state machine's execution role (recommended condition \`sts:ExternalId\` = the state machine ARN), and the execution role needs \`sts:AssumeRole\` on it. Same partition only. See ${DOCS}/concepts-access-cross-acct-resources.html`,
    {
      RoleArn: field(
        'The ARN of the IAM role to assume for this task, e.g. `arn:aws:iam::222222222222:role/StepFunctionsCrossAccount` (a role, not a user; same partition as the state machine).',
        {
          type: 'string',
          pattern: ROLE_ARN_PATTERN,
          patternErrorMessage: 'Expected an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<name>.',
        },
      ),
    },
    { minProperties: 1, maxProperties: 1 },
  ),
);

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const methodField = (what: string): Field =>
  field(`The HTTP method of the ${what} request.`, { type: 'string', enum: HTTP_METHODS }, { required: true });

/**
 * Headers each integration refuses (DOMAIN.md sections 3 and 4): exact names, then prefixes. Exported for the
 * unit tests, which check header by header that the crossing rules refuse the same ones (a cross-check).
 */
export const APIGATEWAY_FORBIDDEN = {
  names: [...API_GATEWAY_FORBIDDEN_HEADERS.names],
  prefixes: [...API_GATEWAY_FORBIDDEN_HEADERS.prefixes],
};
export const HTTP_FORBIDDEN = {
  names: ['Authorization', ...HTTP_RUNTIME_FORBIDDEN_HEADERS.names],
  prefixes: [...HTTP_RUNTIME_FORBIDDEN_HEADERS.prefixes],
};
const APIGATEWAY_FORBIDDEN_HEADERS = oneOfNames(APIGATEWAY_FORBIDDEN.names, APIGATEWAY_FORBIDDEN.prefixes);
const HTTP_FORBIDDEN_HEADERS = oneOfNames(HTTP_FORBIDDEN.names, HTTP_FORBIDDEN.prefixes);

/** A map of header (or query) names; `Name.$` entries take a path. */
function nameValueMap(
  description: string,
  value: Schema,
  forbiddenNames?: { pattern: string; message: string },
): Schema {
  return {
    type: 'object',
    description,
    patternProperties: { '\\.\\$$': { $ref: '#/definitions/path' } },
    additionalProperties: { anyOf: [value, { $ref: '#/definitions/jsonata' }] },
    ...(forbiddenNames
      ? { propertyNames: { not: { pattern: forbiddenNames.pattern }, errorMessage: forbiddenNames.message } }
      : {}),
  };
}

const STRING_ARRAY: Schema = { type: 'array', items: { type: 'string' } };

export const apigatewayInvokeSchema = document(
  'apigateway-invoke.schema.json',
  objectOf(
    'apigateway:invoke Parameters',
    `Parameters (JSONPath) or Arguments (JSONata) of \`arn:aws:states:::apigateway:invoke\`: call an Amazon API Gateway REST or HTTP API. Request-response or \`.waitForTaskToken\` (token in Headers); no \`.sync\`. Private APIs and custom domain names are not supported: use http:invoke for other HTTPS endpoints. A non-2xx answer fails the task with \`ApiGateway.<status>\`. See ${DOCS}/connect-api-gateway.html`,
    {
      ApiEndpoint: field(
        'The API host only, `<apiId>.execute-api.<region>.amazonaws.com`: no `https://`, no path (the path goes in `Path`, the stage in `Stage`).',
        {
          type: 'string',
          pattern:
            '^(?:[0-9a-z]+|\\$\\{[^}]+\\})\\.execute-api\\.(?:[a-z0-9-]+|\\$\\{[^}]+\\})\\.amazonaws\\.com(?:\\.cn)?$|^\\$\\{[^}]+\\}$',
          patternErrorMessage:
            'ApiEndpoint must be an API Gateway host such as a1b2c3d4e5.execute-api.us-east-1.amazonaws.com (no scheme, no path). For other HTTPS APIs use arn:aws:states:::http:invoke.',
        },
        { required: true },
      ),
      Method: methodField('API Gateway'),
      Stage: field('The stage name, e.g. `prod`. Optional only for HTTP APIs with the `$default` stage.', {
        type: 'string',
      }),
      Path: field('The resource path after the stage, e.g. `/orders/123`.', { type: 'string' }),
      Headers: field(
        'Request headers: each value is an ARRAY of strings (`{"Accept": ["application/json"]}`). For `.waitForTaskToken`, send the task token here (`"TaskToken.$": "States.Array($$.Task.Token)"`). Headers starting with X-Forwarded, X-Amz or X-Amzn and Authorization, Host, Connection... are rejected.',
        nameValueMap('Request headers (values are arrays of strings).', STRING_ARRAY, {
          pattern: APIGATEWAY_FORBIDDEN_HEADERS,
          message: 'API Gateway rejects this header (X-Forwarded*, X-Amz*, Authorization, Host, Connection, ...).',
        }),
      ),
      QueryParameters: field(
        'Query string parameters: each value is an ARRAY of strings (`{"status": ["open"]}`).',
        nameValueMap('Query string parameters (values are arrays of strings).', STRING_ARRAY),
      ),
      RequestBody: field('The request body (JSON or a string). Only for PATCH, POST and PUT.', {}),
      AllowNullValues: field('Send null values of the request body as `null` instead of dropping them.', {
        type: 'boolean',
      }),
      AuthType: field(
        'How the request is authorised: `NO_AUTH` (default; no signature), `IAM_ROLE` (signed with the execution role, same account only), `RESOURCE_POLICY` (cross-account REST APIs whose resource policy allows this state machine).',
        {
          type: 'string',
          enum: ['NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY'],
          enumDescriptions: [
            'No signature: the API must not require IAM authorization.',
            'Signed with the execution role (needs execute-api:Invoke). Does not work across accounts.',
            'Signed for a REST API in another account whose resource policy names this state machine (aws:SourceArn) and whose method uses AWS_IAM.',
          ],
        },
      ),
    },
    {
      if: { properties: { Method: { enum: ['GET', 'DELETE', 'HEAD', 'OPTIONS'] } }, required: ['Method'] },
      then: {
        not: { anyOf: [{ required: ['RequestBody'] }, { required: ['RequestBody.$'] }] },
        errorMessage: 'RequestBody is only sent with PATCH, POST and PUT.',
      },
    },
  ),
);

const CONNECTION_ARN: Schema = {
  type: 'string',
  pattern: '^arn:aws(?:-[a-z]+)*:events:[a-z0-9-]+:\\d{12}:connection/[\\w.-]+/[\\w-]+$|^\\$\\{[^}]+\\}$',
  patternErrorMessage:
    'Expected an EventBridge connection ARN: arn:aws:events:<region>:<account>:connection/<name>/<id>.',
};
const connectionObject = (title: string, description: string) =>
  objectOf(title, description, {
    ConnectionArn: field(
      'The ARN of the EventBridge connection, `arn:aws:events:<region>:<account>:connection/<name>/<id>`.',
      CONNECTION_ARN,
      {
        required: true,
      },
    ),
  });

export const httpInvokeSchema = document(
  'http-invoke.schema.json',
  objectOf(
    'http:invoke Parameters',
    `Parameters (JSONPath) or Arguments (JSONata) of \`arn:aws:states:::http:invoke\`: call a public HTTPS API through an EventBridge connection that holds its credentials (API key, basic or OAuth). Needs \`states:InvokeHTTPEndpoint\` and \`events:RetrieveConnectionCredentials\`. See ${DOCS}/call-https-apis.html`,
    {
      ApiEndpoint: field(
        'The full URL of the API, starting with `https://` (public names with public certificates).',
        {
          type: 'string',
          pattern: '^https://[^\\s/?#]+[^\\s]*$|^\\$\\{[^}]+\\}',
          patternErrorMessage: 'ApiEndpoint must be an https:// URL.',
        },
        { required: true },
      ),
      Method: methodField('HTTP'),
      Authentication: field(
        'The EventBridge connection that authorises the request. Credentials never go in Headers.',
        connectionObject(
          'Authentication',
          'The EventBridge connection whose credentials Step Functions adds to the request.',
        ),
      ),
      InvocationConfig: field(
        'For private APIs: an EventBridge connection with a VPC Lattice resource configuration.',
        connectionObject('InvocationConfig', 'The connection that reaches a private API through VPC Lattice.'),
      ),
      Headers: field(
        'Request headers (string values). Never put credentials here (an Authorization header fails and is visible to anyone who can read the definition): use the connection.',
        nameValueMap(
          'Request headers.',
          { type: 'string' },
          {
            pattern: HTTP_FORBIDDEN_HEADERS,
            message:
              'The HTTP task rejects this header (Authorization, Host, Accept-Encoding, x-amz-*, ...). Credentials belong in the EventBridge connection.',
          },
        ),
      ),
      QueryParameters: field(
        'Query string parameters (string values; arrays are written as Transform.RequestEncodingOptions.ArrayFormat says).',
        nameValueMap('Query string parameters.', { anyOf: [{ type: 'string' }, STRING_ARRAY] }),
      ),
      RequestBody: field(
        'The request body: JSON, or a string. With Transform.RequestBodyEncoding URL_ENCODED, a JSON object encoded as a form.',
        {},
      ),
      Transform: field(
        'How the request body is encoded.',
        objectOf('Transform', 'How Step Functions encodes the request body.', {
          RequestBodyEncoding: field(
            '`NONE` (send JSON as is, default) or `URL_ENCODED` (application/x-www-form-urlencoded).',
            {
              type: 'string',
              enum: ['NONE', 'URL_ENCODED'],
              enumDescriptions: [
                'Send the body as JSON.',
                'Encode the JSON body as an application/x-www-form-urlencoded form.',
              ],
            },
          ),
          RequestEncodingOptions: field(
            'Options of the URL encoding.',
            objectOf('RequestEncodingOptions', 'Options of the URL encoding.', {
              ArrayFormat: field('How arrays are encoded in a URL-encoded body.', {
                type: 'string',
                enum: ['INDICES', 'REPEAT', 'COMMAS', 'BRACKETS'],
                enumDescriptions: ['a[0]=x&a[1]=y', 'a=x&a=y', 'a=x,y', 'a[]=x&a[]=y (default)'],
              }),
            }),
          ),
        }),
      ),
    },
    {
      anyOf: [
        { anyOf: [{ required: ['Authentication'] }, { required: ['Authentication.$'] }] },
        { anyOf: [{ required: ['InvocationConfig'] }, { required: ['InvocationConfig.$'] }] },
      ],
    },
  ),
);

export const invokerPayloadSchema = document(
  'invoker-payload.schema.json',
  objectOf(
    'Cross-region invoker payload',
    'The event a Task sends to the cross-region invoker Lambda (sfn-crossings-invoker): the function makes one AWS SDK for JavaScript v3 call in `region`. Same shape as AWS CDK CallAwsServiceCrossRegion, plus optional cross-account `assumeRoleArn` / `externalId`.',
    {
      service: field(
        'The SDK v3 package suffix (`@aws-sdk/client-<service>`): `s3`, `dynamodb`, `sfn`, `cloudwatch-logs`, `api-gateway`... Not the IAM prefix (`states`, `logs`) nor the SDK v2 name.',
        {
          type: 'string',
          pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
          examples: [
            's3',
            'dynamodb',
            'sqs',
            'sns',
            'ssm',
            'sfn',
            'lambda',
            'eventbridge',
            'cloudwatch-logs',
            'secrets-manager',
          ],
        },
        { required: true },
      ),
      action: field(
        'The operation in camelCase (`getObject`, `putItem`); the command class is PascalCase(action) + "Command".',
        {
          type: 'string',
          pattern: '^[a-z][A-Za-z0-9]*$',
          patternErrorMessage: 'action is the camelCase operation name, e.g. getObject.',
        },
        { required: true },
      ),
      region: field(
        "The region to call, e.g. `us-west-2` (it may differ from the state machine's region: that is the point).",
        {
          type: 'string',
          pattern: '^[a-z]{2}(?:-[a-z]+)+-\\d{1,2}$',
          examples: [
            'us-east-1',
            'us-east-2',
            'us-west-1',
            'us-west-2',
            'eu-west-1',
            'eu-west-2',
            'eu-central-1',
            'ap-southeast-1',
            'ap-southeast-2',
            'ap-northeast-1',
          ],
        },
        { required: true },
      ),
      parameters: field(
        "The operation's input, with the API's own member names (usually PascalCase: `Bucket`, `Key`).",
        { type: 'object' },
      ),
      endpoint: field(
        'Endpoint override URL (LocalStack, VPC endpoints). Honoured only when the function allows it (ALLOW_ENDPOINT_OVERRIDE); never take it from execution input (SSRF).',
        { type: 'string', pattern: '^https?://' },
      ),
      assumeRoleArn: field('A role the invoker assumes before the call: cross-account and cross-region in one task.', {
        type: 'string',
        pattern: ROLE_ARN_PATTERN,
      }),
      externalId: field("The external id the target role's trust policy requires (with assumeRoleArn).", {
        type: 'string',
        minLength: 2,
        maxLength: 1224,
      }),
    },
  ),
);

/** The schemas by file name under schemas/. */
export const SCHEMAS: Record<string, Schema> = {
  'credentials.schema.json': credentialsSchema,
  'apigateway-invoke.schema.json': apigatewayInvokeSchema,
  'http-invoke.schema.json': httpInvokeSchema,
  'invoker-payload.schema.json': invokerPayloadSchema,
};
