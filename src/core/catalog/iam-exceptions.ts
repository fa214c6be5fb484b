// Operations whose IAM action is not `<iamPrefix>:<OperationName>`: the table behind `iamActionFor`.
// Keys are SDK v3 package names and PascalCase operation names; values list every action the call needs,
// the primary one first. Each group cites the AWS page that states the mapping.

/**
 * Services whose IAM actions are the HTTP verb of the call (`apigateway:GET` on `arn:aws:apigateway:<region>::/...`).
 * Source: Service Authorization Reference, "Actions, resources, and condition keys for Amazon API Gateway
 * Management" and "... Management V2" (service prefix `apigateway`, actions DELETE, GET, PATCH, POST, PUT),
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html
 * The generator stores the model's HTTP method for these services' operations.
 */
export const IAM_HTTP_VERB_SERVICES: readonly string[] = ['api-gateway', 'apigatewayv2'];

export const IAM_ACTION_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  // "Required permissions for Amazon S3 API operations",
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html, and each operation's
  // page in the S3 API Reference ("you must have permission to perform the s3:ListBucketVersions action"); most
  // entries are also stated in the operation docs shipped in node_modules/@aws-sdk/client-s3/dist-types/commands.
  // Not re-checked against a doc excerpt when this table was written: ListParts, ListMultipartUploads, the
  // multipart upload trio (s3:PutObject) and the object lock pair.
  s3: {
    ListBuckets: ['s3:ListAllMyBuckets'],
    ListObjects: ['s3:ListBucket'],
    ListObjectsV2: ['s3:ListBucket'],
    ListObjectVersions: ['s3:ListBucketVersions'],
    HeadBucket: ['s3:ListBucket'],
    HeadObject: ['s3:GetObject'],
    ListMultipartUploads: ['s3:ListBucketMultipartUploads'],
    ListParts: ['s3:ListMultipartUploadParts'],
    CreateMultipartUpload: ['s3:PutObject'],
    UploadPart: ['s3:PutObject'],
    CompleteMultipartUpload: ['s3:PutObject'],
    UploadPartCopy: ['s3:PutObject', 's3:GetObject'],
    CopyObject: ['s3:PutObject', 's3:GetObject'],
    DeleteObjects: ['s3:DeleteObject'],
    GetBucketCors: ['s3:GetBucketCORS'],
    PutBucketCors: ['s3:PutBucketCORS'],
    DeleteBucketCors: ['s3:PutBucketCORS'],
    GetBucketLifecycleConfiguration: ['s3:GetLifecycleConfiguration'],
    PutBucketLifecycleConfiguration: ['s3:PutLifecycleConfiguration'],
    DeleteBucketLifecycle: ['s3:PutLifecycleConfiguration'],
    GetBucketEncryption: ['s3:GetEncryptionConfiguration'],
    PutBucketEncryption: ['s3:PutEncryptionConfiguration'],
    DeleteBucketEncryption: ['s3:PutEncryptionConfiguration'],
    GetBucketReplication: ['s3:GetReplicationConfiguration'],
    PutBucketReplication: ['s3:PutReplicationConfiguration'],
    DeleteBucketReplication: ['s3:PutReplicationConfiguration'],
    GetBucketNotificationConfiguration: ['s3:GetBucketNotification'],
    PutBucketNotificationConfiguration: ['s3:PutBucketNotification'],
    GetObjectLockConfiguration: ['s3:GetBucketObjectLockConfiguration'],
    PutObjectLockConfiguration: ['s3:PutBucketObjectLockConfiguration'],
    GetObjectAttributes: ['s3:GetObjectAttributes', 's3:GetObject'],
  },
  // "Actions, resources, and condition keys for AWS Lambda": Invoke, InvokeAsync and InvokeWithResponseStream are
  // all authorised by lambda:InvokeFunction. https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
  lambda: {
    Invoke: ['lambda:InvokeFunction'],
    InvokeAsync: ['lambda:InvokeFunction'],
    InvokeWithResponseStream: ['lambda:InvokeFunction'],
  },
  // The WebSocket @connections API is authorised by execute-api:ManageConnections.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html
  apigatewaymanagementapi: {
    PostToConnection: ['execute-api:ManageConnections'],
    GetConnection: ['execute-api:ManageConnections'],
    DeleteConnection: ['execute-api:ManageConnections'],
  },
};
