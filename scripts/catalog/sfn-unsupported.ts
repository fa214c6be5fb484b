// Operations that Step Functions' AWS SDK integration documents as unsupported for an otherwise supported service.
//
// Source: "Unsupported API actions for supported services" in
// https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html (2022 table). Rows that the
// guide only links to ("See the AWS documentation website": Application Discovery Service, CodeDeploy,
// Direct Connect, IoT, STS) are not known here. Operations absent from the current models are ignored.

/** Step Functions name -> PascalCase operation names. */
export const SFN_UNSUPPORTED_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  comprehendmedical: ['DetectEntities'],
  efs: ['CreateTags'],
  elastictranscoder: ['TestRole'],
  emr: ['DescribeJobFlows'],
  iotdeviceadvisor: ['ListTestCases'],
  kinesis: ['SubscribeToShard'],
  lambda: ['InvokeAsync'],
  lexruntimev2: ['StartConversation'],
  mediapackage: ['RotateChannelCredentials'],
  rdsdata: ['ExecuteSql'],
  s3: ['SelectObjectContent'],
  s3control: ['SelectObjectContent'],
  shield: ['DeleteSubscription'],
};
