// Recognises a failure caused by an endpoint that answered with a web page instead of the AWS API (a proxy,
// a captive portal, an emulator without Step Functions) and says so in one sentence naming the endpoint,
// instead of the SDK's parser text ("Unexpected token '<' ... inspect the hidden field {error}.$response").
// Pure: no vscode, no SDK.

const HTML_SIGNS = [
  /Unexpected token '?<'?/i,
  /Deserialization error/i,
  /<!DOCTYPE html/i,
  /<html[\s>]/i,
  /is not valid JSON/i,
  /char '<'/i,
];

/** Where the calls went: the endpoint override, else the regional Step Functions endpoint. */
export function describeEndpoint(endpointUrl: string | undefined, region: string | undefined): string {
  if (endpointUrl) return endpointUrl;
  return region ? `https://states.${region}.amazonaws.com` : 'the Step Functions endpoint';
}

/** The one sentence for an HTML (or other non-API) answer, or undefined when the failure is something else. */
export function htmlAnswerMessage(message: string, endpoint: string): string | undefined {
  if (!HTML_SIGNS.some((sign) => sign.test(message))) return undefined;
  return `${endpoint} answered with a web page, not the Step Functions API: check the endpoint URL (setting sfnCrossings.aws.endpointUrl or AWS_ENDPOINT_URL) and any proxy in between.`;
}
