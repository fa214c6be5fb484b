// Verifies AWS Signature Version 4 on incoming requests, the way the services do: rebuilds the canonical request
// from what arrived on the wire and compares signatures with the secret of the signing key.
import { createHash, createHmac } from 'node:crypto';
import type { FakeRequest } from './types';

export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** Parses the Authorization header; undefined when the request is not SigV4-signed. */
export function parseAuthorization(header: string | undefined): SigV4Scope | undefined {
  const m = header ? AUTH_RE.exec(header.trim()) : null;
  if (!m) return undefined;
  return {
    accessKeyId: m[1]!,
    date: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(';'),
    signature: m[6]!,
  };
}

function escapeUri(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
const sha256hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

function canonicalPath(rawPath: string, service: string): string {
  // S3 signs the path as sent; every other service signs the URI-encoded path again.
  if (service === 's3') return rawPath || '/';
  const segments: string[] = [];
  for (const seg of rawPath.split('/')) {
    if (seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const normalized = segments.join('/');
  return (normalized.startsWith('/') ? '' : '/') + normalized.split('/').map(escapeUri).join('/');
}

function canonicalQuery(rawQuery: string): string {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = decodeURIComponent((i < 0 ? part : part.slice(0, i)).replace(/\+/g, '%20'));
    const v = i < 0 ? '' : decodeURIComponent(part.slice(i + 1).replace(/\+/g, '%20'));
    if (k.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([escapeUri(k), escapeUri(v)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** True when the signature matches the request signed with `secret`. */
export function verifySignature(req: FakeRequest, scope: SigV4Scope, secret: string): boolean {
  const headerValue = (name: string): string => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');
  };
  const amzDate = headerValue('x-amz-date');
  if (!amzDate.startsWith(scope.date)) return false;
  const payloadHash = headerValue('x-amz-content-sha256') || sha256hex(req.body);
  const canonical = [
    req.method,
    canonicalPath(req.rawPath, scope.service),
    canonicalQuery(req.rawQuery),
    scope.signedHeaders.map((h) => `${h}:${headerValue(h)}\n`).join(''),
    scope.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256hex(canonical)].join('\n');
  let key = hmac(`AWS4${secret}`, scope.date);
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign).digest('hex') === scope.signature;
}
