// Turns an SDK v3 command output into plain JSON for Step Functions: `$metadata` removed, streaming and binary
// members read and decoded (JSON when the text is a JSON object or array, text when UTF-8, base64 otherwise).

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

async function readAll(stream: AsyncIterable<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** Converts one value; Dates become ISO strings, Sets arrays, streams and bytes decoded text/JSON. */
export async function toPlain(value: unknown, depth = 0): Promise<unknown> {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (depth > 64) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return decodeBytes(value);
  if (isSdkStream(value)) return decodeBytes(await value.transformToByteArray());
  if (Array.isArray(value)) return Promise.all(value.map((v) => toPlain(v, depth + 1)));
  if (value instanceof Set) return Promise.all([...value].map((v) => toPlain(v, depth + 1)));
  if (isAsyncIterable(value)) return decodeBytes(await readAll(value));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$metadata' && depth === 0) continue;
    if (v === undefined) continue;
    out[k] = await toPlain(v, depth + 1);
  }
  return out;
}
