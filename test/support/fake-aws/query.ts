// The AWS query protocol shared by IAM and STS: form-encoded POST bodies in, XML documents out.
import type { FakeRequest, FakeResponse, FakeServiceError } from './types';

export function formParams(req: FakeRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Renders a value as XML elements: objects by key, arrays as <member> lists. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return xmlEscape(String(value));
}

export function queryResponse(namespace: string, action: string, result: unknown, requestId: string): FakeResponse {
  const body =
    `<${action}Response xmlns="${namespace}">` +
    (result === undefined ? '' : `<${action}Result>${toXml(result)}</${action}Result>`) +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

export function queryError(namespace: string, err: FakeServiceError, requestId: string): FakeResponse {
  const body =
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${err.fault}</Type><Code>${xmlEscape(err.code)}</Code>` +
    `<Message>${xmlEscape(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    status: err.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...err.extraHeaders },
    body,
  };
}

/** Reads `Tags.member.N.Key/Value` lists. */
export function formTags(params: URLSearchParams, prefix = 'Tags.member'): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let i = 1; params.has(`${prefix}.${i}.Key`); i++)
    tags[params.get(`${prefix}.${i}.Key`)!] = params.get(`${prefix}.${i}.Value`) ?? '';
  return tags;
}
