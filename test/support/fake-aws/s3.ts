// Fake S3 (REST-XML): GetObject with a streaming body, path-style or virtual-hosted addressing.
import { xmlEscape } from './query';
import { FakeServiceError, type FakeRequest, type ServiceProtocol } from './types';
import type { World } from './world';

function locate(req: FakeRequest): { bucket: string; key: string } {
  const host = String(req.headers.host ?? '');
  const hostBucket = /^(.+)\.(?:127\.0\.0\.1|localhost)(?::\d+)?$/.exec(host)?.[1];
  const parts = req.path.replace(/^\//, '');
  if (hostBucket) return { bucket: hostBucket, key: parts };
  const i = parts.indexOf('/');
  return i < 0 ? { bucket: parts, key: '' } : { bucket: parts.slice(0, i), key: parts.slice(i + 1) };
}

export function createS3(world: World): ServiceProtocol {
  return {
    signingName: 's3',
    iamPrefix: 's3',
    accessDeniedCode: 'AccessDenied',
    operation: (req) => {
      const { key } = locate(req);
      if (req.method === 'GET' && key) return 'GetObject';
      if (req.method === 'HEAD' && key) return 'HeadObject';
      return undefined;
    },
    throttle: () => new FakeServiceError('SlowDown', 'Please reduce your request rate.', 503),
    error: (err, { requestId }) => ({
      status: err.status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, ...err.extraHeaders },
      body:
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(err.code)}</Code>` +
        `<Message>${xmlEscape(err.message)}</Message><RequestId>${requestId}</RequestId><HostId>fake</HostId></Error>`,
    }),
    resource: (req) => {
      const { bucket, key } = locate(req);
      return `arn:aws:s3:::${bucket}/${key}`;
    },
    handle(req, op, ctx) {
      const { bucket, key } = locate(req);
      const obj = world.objects.get(`${bucket}/${key}`);
      if (!obj) throw new FakeServiceError('NoSuchKey', 'The specified key does not exist.', 404);
      const headers = {
        'content-type': obj.contentType,
        'content-length': String(obj.body.length),
        etag: '"fake-etag"',
        'last-modified': new Date(0).toUTCString(),
        'x-amz-request-id': ctx.nextId(''),
      };
      if (op === 'HeadObject') return { status: 200, headers };
      // Sent in small chunks so the SDK sees a real stream.
      const chunks: Buffer[] = [];
      for (let i = 0; i < obj.body.length; i += 16) chunks.push(obj.body.subarray(i, i + 16));
      return { status: 200, headers, body: chunks };
    },
  };
}
