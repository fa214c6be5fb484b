// The header lists AWS documents for the two HTTP integrations, in one place: the crossing rules, the
// JSON Schemas and their cross-check tests all read them from here.

/** Headers API Gateway integration refuses (connect-api-gateway page); names match case-insensitively. */
export const API_GATEWAY_FORBIDDEN_HEADERS = {
  names: [
    'Authorization',
    'Connection',
    'Content-md5',
    'Expect',
    'Host',
    'Max-Forwards',
    'Proxy-Authenticate',
    'Server',
    'TE',
    'Transfer-Encoding',
    'Trailer',
    'Upgrade',
    'Via',
    'Www-Authenticate',
  ],
  /** X-Amz covers X-Amzn. */
  prefixes: ['X-Forwarded', 'X-Amz'],
} as const;

/** Headers the HTTP Task refuses at run time (call-https-apis page); names match case-insensitively. */
export const HTTP_RUNTIME_FORBIDDEN_HEADERS = {
  names: [
    'A-IM',
    'Accept-Charset',
    'Accept-Datetime',
    'Accept-Encoding',
    'Cache-Control',
    'Connection',
    'Content-Encoding',
    'Content-MD5',
    'Date',
    'Expect',
    'Forwarded',
    'From',
    'Host',
    'HTTP2-Settings',
    'If-Match',
    'If-Modified-Since',
    'If-None-Match',
    'If-Range',
    'If-Unmodified-Since',
    'Max-Forwards',
    'Origin',
    'Pragma',
    'Proxy-Authorization',
    'Referer',
    'Server',
    'TE',
    'Trailer',
    'Transfer-Encoding',
    'Upgrade',
    'Via',
    'Warning',
  ],
  prefixes: ['x-forwarded-', 'x-amz-', 'x-amzn-'],
} as const;
