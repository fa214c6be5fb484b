// IAM action prefixes that differ from the API model's `signingName` (or `endpointPrefix` when it has none).
//
// The default (signingName, else endpointPrefix) is right for almost every service: `states` for SFN, `logs` for
// CloudWatch Logs, `events` for EventBridge, `cognito-idp`, `bedrock` for all Bedrock APIs, `ses` for SESv2...
// The services below sign requests under one name but are authorised under another. Source: the "service prefix"
// stated at the top of each service's page in the Service Authorization Reference,
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
// (e.g. list_amazoncloudwatch.html: "Amazon CloudWatch (service prefix: cloudwatch)").

/** SDK v3 package name -> IAM prefix. */
export const IAM_PREFIX_EXCEPTIONS: Readonly<Record<string, string>> = {
  // endpoint and signing name `monitoring`; list_amazoncloudwatch.html: service prefix `cloudwatch`.
  cloudwatch: 'cloudwatch',
  // signing name `iotdata`; the data plane (Publish, GetThingShadow...) is authorised as `iot:*` (list_awsiot.html).
  'iot-data-plane': 'iot',
  // signing name `IoTSecuredTunneling`; tunnels are authorised as `iot:OpenTunnel`... (list_awsiot.html).
  iotsecuretunneling: 'iot',
  // signing name `ioteventsdata`; BatchPutMessage... are `iotevents:*` (list_awsiotevents.html).
  'iot-events-data': 'iotevents',
  // signing name `iot-jobs-data`; list_awsiotjobsdataplane.html: service prefix `iotjobsdata`.
  'iot-jobs-data-plane': 'iotjobsdata',
};
