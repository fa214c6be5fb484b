// Turns an SDK v3 command output into plain JSON for Step Functions: `$metadata` removed, streaming and binary
// members read and decoded (JSON when the text is a JSON object or array, text when UTF-8, base64 otherwise).
// toPlainLimited() stops reading (and refuses the result) as soon as it is bigger than a byte limit.

/** The result is larger than the limit; `seen` bytes were counted before stopping (at most the limit + a chunk). */
export class ResultTooLargeError extends Error {
  constructor(
    public readonly limit: number,
    public readonly seen: number,
    public readonly declared?: number,
  ) {
    super(`result larger than ${limit} bytes`);
    this.name = 'ResultTooLargeError';
  }
  describe(): string {
    return this.declared !== undefined ? `a ${this.declared}-byte body` : `more than ${this.limit} bytes`;
  }
}

/** Bytes still allowed; shared by every member of one result. */
interface Budget {
  limit: number;
  used: number;
}
function spend(budget: Budget | undefined, bytes: number): void {
  if (!budget) return;
  budget.used += bytes;
  if (budget.used > budget.limit) throw new ResultTooLargeError(budget.limit, budget.used);
}

/** A streaming body as the SDK v3 returns it (sdkStreamMixin). */
interface SdkStream {
  transformToByteArray(): Promise<Uint8Array>;
}
function isSdkStream(v: unknown): v is SdkStream {
  return typeof v === 'object' && v !== null && typeof (v as Partial<SdkStream>).transformToByteArray === 'function';
}
function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return (
    typeof v === 'object' && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes -> JSON value (object/array text), string (UTF-8), or base64 string (anything else). */
export function decodeBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Reads a stream chunk by chunk, stopping (and destroying it) as soon as the budget is spent. */
async function readAll(stream: AsyncIterable<unknown>, budget?: Budget): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      spend(budget, bytes.byteLength);
      chunks.push(bytes);
    }
  } catch (e) {
    (stream as { destroy?: () => void }).destroy?.();
    throw e;
  }
  return Buffer.concat(chunks);
}

/** Converts one value; Dates become ISO strings, Sets arrays, streams and bytes decoded text/JSON. */
export async function toPlain(value: unknown, depth = 0, budget?: Budget, declaredLength?: number): Promise<unknown> {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (depth > 64) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) {
    spend(budget, value.byteLength);
    return decodeBytes(value);
  }
  const streaming = isAsyncIterable(value) || isSdkStream(value);
  if (streaming && budget && declaredLength !== undefined && declaredLength > budget.limit - budget.used) {
    // The response says how big the body is: refuse before reading any of it.
    (value as { destroy?: () => void }).destroy?.();
    throw new ResultTooLargeError(budget.limit, budget.used, declaredLength);
  }
  // Node streams are async iterable: read them chunk by chunk so an oversized body is never buffered whole.
  if (isAsyncIterable(value)) return decodeBytes(await readAll(value, budget));
  if (isSdkStream(value)) {
    const bytes = await value.transformToByteArray();
    spend(budget, bytes.byteLength);
    return decodeBytes(bytes);
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => toPlain(v, depth + 1, budget)));
  if (value instanceof Set) return Promise.all([...value].map((v) => toPlain(v, depth + 1, budget)));
  const out: Record<string, unknown> = {};
  const length = (value as { ContentLength?: unknown }).ContentLength;
  for (const [k, v] of Object.entries(value)) {
    if (k === '$metadata' && depth === 0) continue;
    if (v === undefined) continue;
    out[k] = await toPlain(v, depth + 1, budget, typeof length === 'number' ? length : undefined);
  }
  return out;
}

/** toPlain() that refuses a result whose JSON would exceed `maxBytes` (UTF-8), reading no more than needed. */
export async function toPlainLimited(value: unknown, maxBytes: number): Promise<unknown> {
  const plain = await toPlain(value, 0, { limit: maxBytes, used: 0 });
  const size = Buffer.byteLength(JSON.stringify(plain) ?? 'null', 'utf8');
  if (size > maxBytes) throw new ResultTooLargeError(maxBytes, size);
  return plain;
}
