// Shared strings for the parsed tree. Keys and values sliced from the text are fresh strings; a large
// definition repeats the same few (field names, "Task", resource ARNs, paths) thousands of times.
// - Keys that are ASL field names become the one string constant the rules compare against, so
//   `prop(node, 'Next')` and `allowed.has(key)` are identity checks instead of character compares.
// - Other keys and values are pooled per document: each distinct string is kept once and the
//   repeats are dropped at once, so far fewer strings survive into the old generation (measured:
//   fewer and shorter young-generation collections while a large definition is parsed).
import { ASL_FIELD_NAMES } from '../rules/stateFields';

const SHARED = new Map<string, string>();
for (const name of ASL_FIELD_NAMES) SHARED.set(name, name);

/** Longer strings are kept as they are (hashing them would cost more than it saves). */
const POOLED_MAX_LENGTH = 256;

/** One document's pool: `key()` for object keys, `value()` for string values. */
export class StringPool {
  private readonly seen = new Map<string, string>();

  key(s: string): string {
    return SHARED.get(s) ?? this.value(s);
  }

  value(s: string): string {
    if (s.length > POOLED_MAX_LENGTH) return s;
    const hit = this.seen.get(s);
    if (hit !== undefined) return hit;
    this.seen.set(s, s);
    return s;
  }
}
