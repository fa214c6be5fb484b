// Shared shapes of the fake AWS server: a parsed request, a response, a service protocol module, a service error.
import type { IncomingHttpHeaders } from 'node:http';

export interface FakeRequest {
  method: string;
  /** Raw (still percent-encoded) path, without the query string. */
  rawPath: string;
  /** Decoded path. */
  path: string;
  /** Raw query string without `?`. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string/Buffer body, or chunks written one by one (a streaming body). */
  body?: string | Buffer | Buffer[];
}

/** Who signed the request, from the SigV4 credential scope and the fake's identity table. */
export interface Caller {
  accessKeyId: string;
  account: string;
  arn: string;
  region: string;
}

/** An error the service answers in its own wire format. */
export class FakeServiceError extends Error {
  constructor(
    public code: string,
    message: string,
    public status = 400,
    public fault: 'Sender' | 'Receiver' = 'Sender',
    public extraHeaders: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ServiceContext {
  caller: Caller;
  /** Generates request ids and similar (deterministic per server). */
  nextId(prefix: string): string;
}

/** One service's wire protocol and behaviour. Register new ones in server.ts (issue 8 adds Step Functions). */
export interface ServiceProtocol {
  /** The SigV4 signing name that routes to this service (`iam`, `lambda`, `states`...). */
  signingName: string;
  /** The IAM prefix used in AccessDenied messages. */
  iamPrefix: string;
  /** The operation name of a request (`CreateRole`), or undefined when the request is not understood. */
  operation(req: FakeRequest): string | undefined;
  handle(req: FakeRequest, operation: string, ctx: ServiceContext): Promise<FakeResponse> | FakeResponse;
  /** Formats an error in the service's protocol. */
  error(err: FakeServiceError, ctx: { requestId: string }): FakeResponse;
  /** The error this service answers when throttling. */
  throttle(): FakeServiceError;
  /** The error code this service uses for AccessDenied. */
  accessDeniedCode: string;
  accessDeniedStatus?: number;
  /** The resource ARN an operation acts on, for AccessDenied messages. */
  resource?(req: FakeRequest, operation: string, caller: Caller): string;
}

/** The operation of an AWS JSON protocol request (`X-Amz-Target: <prefix><Operation>` on a POST), or undefined. */
export function jsonTargetOperation(prefix: string): (req: FakeRequest) => string | undefined {
  return (req) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    return req.method === 'POST' && target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
  };
}
