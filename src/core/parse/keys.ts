// Shared strings for the parsed tree. A large definition repeats the same few strings (field names,
// "Task", resource ARNs, paths) thousands of times; slicing each occurrence out of the text would
// allocate a fresh string that the young generation then has to collect.
// - The parser hashes a string's characters while it scans them and asks the pool for the range: a
//   repeat is found by comparing against the text, without allocating anything.
// - Keys that are ASL field names come from one table shared by every document, so keys like "Next"
//   are the very string constants the rules compare against (`prop(node, 'Next')` and
//   `allowed.has(key)` become identity checks). Everything else goes to the document's own table,
//   which starts small (a one-state definition should not pay for a large one).
// Probing is bounded: a string that does not find a place within a few probes (pathological hash
// collisions) is simply not pooled, so no input can make the pool quadratic.
import { ASL_FIELD_NAMES } from '../rules/stateFields';

/** The per-character step of the scan hash (FNV-1a, 32 bits); start from `HASH_SEED`. */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/** Longer strings are kept as they are (comparing them would cost more than it saves). */
const POOLED_MAX_LENGTH = 256;
const MAX_PROBES = 16;
const MIN_SLOTS = 64;

function hashOf(s: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < s.length; k++) h = hashStep(h, s.charCodeAt(k));
  return h;
}

/** An open-addressing table of strings by hash, with one stamp (a number for the parser) per slot. */
class Table {
  hashes: Int32Array;
  strings: (string | undefined)[];
  stamps: Int32Array | undefined = undefined;
  mask: number;
  size = 0;

  constructor(slots: number) {
    this.hashes = new Int32Array(slots);
    this.strings = new Array<string | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** The slot holding the string equal to `text.slice(start, end)`, or -1. */
  find(text: string, start: number, end: number, h: number): number {
    const { hashes, strings, mask } = this;
    const length = end - start;
    let slot = h & mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const s = strings[slot];
      if (s === undefined) return -1;
      if (hashes[slot] === h && s.length === length && text.startsWith(s, start)) return slot;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Puts a string in its first free slot (-1 when there is none within the probe limit). */
  place(s: string, h: number, stamp: number): number {
    let slot = h & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      if (this.strings[slot] === undefined) {
        this.hashes[slot] = h;
        this.strings[slot] = s;
        if (stamp !== 0) (this.stamps ??= new Int32Array(this.mask + 1))[slot] = stamp;
        this.size++;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

/** The field names, shared by every document (never written after it is built). */
const FIELD_NAMES = new Table(512);
for (const name of ASL_FIELD_NAMES) FIELD_NAMES.place(name, hashOf(name), 0);

/**
 * One document's pool of strings, addressed by (hash, text range). The parser keeps a stamp per pooled
 * key (which object last used it, for duplicate keys): `restamp` sets the stamp of the string the last
 * lookup returned.
 */
export class StringPool {
  private table: Table;
  /** The stamps of the shared field-name slots, for this document. */
  private fieldStamps: Int32Array | undefined = undefined;
  /** The last lookup's slot: >= 0 in the document's table, <= -2 a field name (-2 - slot), -1 not pooled. */
  private lastSlot = -1;

  /** `expectedStrings`: a guess of how many distinct strings the document has (saves regrowing). */
  constructor(expectedStrings = 0) {
    let slots = MIN_SLOTS;
    while (slots < expectedStrings * 2) slots *= 2;
    this.table = new Table(slots);
  }

  /** The pooled string equal to the object key `text.slice(start, end)` whose scan hash is `h`. */
  key(text: string, start: number, end: number, h: number): string {
    const field = FIELD_NAMES.find(text, start, end, h);
    if (field >= 0) {
      this.lastSlot = -2 - field;
      return FIELD_NAMES.strings[field]!;
    }
    return this.value(text, start, end, h);
  }

  /**
   * The pooled string equal to `text.slice(start, end)`, whose scan hash is `h`: found by comparing
   * against the text, sliced and added on the first occurrence.
   */
  value(text: string, start: number, end: number, h: number): string {
    if (end - start > POOLED_MAX_LENGTH) {
      this.lastSlot = -1;
      return text.slice(start, end);
    }
    const table = this.table;
    const found = table.find(text, start, end, h);
    if (found >= 0) {
      this.lastSlot = found;
      return table.strings[found]!;
    }
    const fresh = text.slice(start, end);
    this.lastSlot = table.place(fresh, h, 0);
    if (table.size * 2 > table.mask) this.grow();
    return fresh;
  }

  /** The pooled string equal to `s` (for strings the parser had to decode, e.g. with escapes). */
  intern(s: string, isKey: boolean): string {
    if (s.length > POOLED_MAX_LENGTH) {
      this.lastSlot = -1;
      return s;
    }
    const h = hashOf(s);
    return isKey ? this.key(s, 0, s.length, h) : this.value(s, 0, s.length, h);
  }

  /** Sets the stamp of the last looked-up string to `stamp`; returns the previous one (-1: not pooled). */
  restamp(stamp: number): number {
    const slot = this.lastSlot;
    if (slot === -1) return -1;
    let stamps: Int32Array;
    let at: number;
    if (slot >= 0) {
      stamps = this.table.stamps ??= new Int32Array(this.table.mask + 1);
      at = slot;
    } else {
      stamps = this.fieldStamps ??= new Int32Array(FIELD_NAMES.mask + 1);
      at = -2 - slot;
    }
    const previous = stamps[at]!;
    stamps[at] = stamp;
    return previous;
  }

  /** Doubles the document's table; the last lookup's string keeps being addressed by `lastSlot`. */
  private grow(): void {
    const old = this.table;
    const table = new Table((old.mask + 1) * 2);
    const last = this.lastSlot;
    for (let k = 0; k < old.strings.length; k++) {
      const s = old.strings[k];
      if (s === undefined) continue;
      const slot = table.place(s, old.hashes[k]!, old.stamps?.[k] ?? 0);
      if (k === last) this.lastSlot = slot;
    }
    this.table = table;
  }
}
