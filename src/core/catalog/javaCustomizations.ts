// Request members that the AWS SDK for Java v2 adds to or renames in an API model, per service and operation.
// `aws-sdk:` tasks are built on that SDK, so these names are accepted in a task's Parameters although the model
// (and the SDK for JavaScript v3, the invoker's) does not have them. Only additions and alternative names are
// listed: a member the Java SDK drops is not reported (never stricter than the service).
//
// Source: each service's `codegen-resources/customization.config` in aws/aws-sdk-java-v2 (`shapeModifiers`:
// `inject`, and `modify` with `emitPropertyName` + `existingNameDeprecated`, which keeps the old name as well).

export interface JavaRequestCustomization {
  /** Properties the Java request class has beyond the model's members. */
  readonly extra: readonly string[];
  /** Required model members that the extra properties can stand in for (not demanded when absent). */
  readonly satisfiedOtherwise?: readonly string[];
}

/** Presigned cross-region copies: the SDK builds `PreSignedUrl` from `SourceRegion` (rds, docdb). */
const SOURCE_REGION: JavaRequestCustomization = { extra: ['SourceRegion'] };

/** S3 copies: `Bucket`/`Key` also as `DestinationBucket`/`DestinationKey`; `CopySource` also as its three parts. */
const S3_COPY: JavaRequestCustomization = {
  extra: ['DestinationBucket', 'DestinationKey', 'SourceBucket', 'SourceKey', 'SourceVersionId'],
  satisfiedOtherwise: ['Bucket', 'Key', 'CopySource'],
};

/** SDK v3 name -> PascalCase operation -> customization. */
export const JAVA_REQUEST_CUSTOMIZATIONS: Readonly<Record<string, Readonly<Record<string, JavaRequestCustomization>>>> =
  {
    s3: {
      CopyObject: S3_COPY,
      UploadPartCopy: S3_COPY,
      // Tells the SDK's multipart upload which part is last; not sent.
      UploadPart: { extra: ['SdkPartType'] },
    },
    rds: {
      CopyDBSnapshot: SOURCE_REGION,
      CopyDBClusterSnapshot: SOURCE_REGION,
      CreateDBCluster: SOURCE_REGION,
      CreateDBInstanceReadReplica: SOURCE_REGION,
      StartDBInstanceAutomatedBackupsReplication: SOURCE_REGION,
    },
    docdb: {
      CopyDBClusterSnapshot: SOURCE_REGION,
      CreateDBCluster: SOURCE_REGION,
    },
  };
