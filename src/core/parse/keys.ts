// Shared strings for the parsed tree. A large definition repeats the same few strings (field names,
// "Task", resource ARNs, paths) thousands of times; slicing each occurrence out of the text would
// allocate a fresh string that the young generation then has to collect.
// - The parser hashes a string's characters while it scans them and asks the pool for the range
//   (`lookup`): a repeat is found by comparing against the text, without allocating anything.
// - ASL field names are seeded first, so keys like "Next" are the very string constants the rules
//   compare against (`prop(node, 'Next')` and `allowed.has(key)` become identity checks).
// Probing is bounded: a string that does not find a place within a few probes (pathological hash
// collisions) is simply not pooled, so no input can make the pool quadratic.
import { ASL_FIELD_NAMES } from '../rules/stateFields';

/** The per-character step of the scan hash (FNV-1a, 32 bits); start from `HASH_SEED`. */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/** Longer strings are kept as they are (comparing them would cost more than it saves). */
export const POOLED_MAX_LENGTH = 256;
const MAX_PROBES = 16;
const INITIAL_SLOTS = 1024;

function hashOf(s: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < s.length; k++) h = hashStep(h, s.charCodeAt(k));
  return h;
}

/**
 * One document's pool of strings, addressed by (hash, text range). Each pooled string has a slot;
 * `stamps` holds one number per slot for the parser's own bookkeeping (which object last used a key).
 */
export class StringPool {
  private hashes: Int32Array;
  private strings: (string | undefined)[];
  stamps: Int32Array;
  private mask: number;
  private size = 0;
  /** The slot of the string the last `lookup`/`intern` returned, -1 when it is not pooled. */
  lastSlot = -1;

  /** `expectedStrings`: a guess of how many distinct strings the document has (saves regrowing). */
  constructor(expectedStrings = 0) {
    let slots = SEED.mask + 1;
    while (slots < expectedStrings * 2) slots *= 2;
    if (slots === SEED.mask + 1) {
      this.hashes = SEED.hashes.slice();
      this.strings = SEED.strings.slice();
      this.stamps = new Int32Array(slots);
      this.mask = SEED.mask;
      this.size = SEED.size;
    } else {
      this.hashes = new Int32Array(slots);
      this.strings = new Array<string | undefined>(slots).fill(undefined);
      this.stamps = new Int32Array(slots);
      this.mask = slots - 1;
      for (let k = 0; k <= SEED.mask; k++) {
        const name = SEED.strings[k];
        if (name !== undefined) this.place(name, SEED.hashes[k]!, 0);
      }
    }
  }

  /**
   * The pooled string equal to `text.slice(start, end)`, whose scan hash is `h`: found by comparing
   * against the text, sliced and added on the first occurrence.
   */
  lookup(text: string, start: number, end: number, h: number): string {
    const length = end - start;
    if (length > POOLED_MAX_LENGTH) {
      this.lastSlot = -1;
      return text.slice(start, end);
    }
    const hashes = this.hashes;
    const strings = this.strings;
    const mask = this.mask;
    let slot = h & mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const s = strings[slot];
      if (s === undefined) {
        const fresh = text.slice(start, end);
        hashes[slot] = h;
        strings[slot] = fresh;
        this.lastSlot = slot;
        if (++this.size * 2 > mask) this.grow();
        return fresh;
      }
      if (hashes[slot] === h && s.length === length && text.startsWith(s, start)) {
        this.lastSlot = slot;
        return s;
      }
      slot = (slot + 1) & mask;
    }
    this.lastSlot = -1;
    return text.slice(start, end);
  }

  /** The pooled string equal to `s` (for strings the parser had to decode, e.g. with escapes). */
  intern(s: string): string {
    if (s.length <= POOLED_MAX_LENGTH) return this.lookup(s, 0, s.length, hashOf(s));
    this.lastSlot = -1;
    return s;
  }

  /** Doubles the table; the string of `lastSlot` keeps being addressed by it. */
  private grow(): void {
    const old = this.strings;
    const oldHashes = this.hashes;
    const oldStamps = this.stamps;
    const last = this.lastSlot;
    this.mask = this.mask * 2 + 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.strings = new Array<string | undefined>(this.mask + 1).fill(undefined);
    this.stamps = new Int32Array(this.mask + 1);
    this.size = 0;
    this.lastSlot = -1;
    for (let k = 0; k < old.length; k++) {
      const s = old[k];
      if (s === undefined) continue;
      const slot = this.place(s, oldHashes[k]!, oldStamps[k]!);
      if (k === last) this.lastSlot = slot;
    }
  }

  /** Puts a string in its first free slot (-1 when none within the probe limit). */
  private place(s: string, h: number, stamp: number): number {
    let slot = h & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      if (this.strings[slot] === undefined) {
        this.hashes[slot] = h;
        this.strings[slot] = s;
        this.stamps[slot] = stamp;
        this.size++;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** The pool every document starts from: the ASL field names. */
  static seeded(names: Iterable<string>): StringPool {
    const pool = Object.create(StringPool.prototype) as StringPool;
    pool.hashes = new Int32Array(INITIAL_SLOTS);
    pool.strings = new Array<string | undefined>(INITIAL_SLOTS).fill(undefined);
    pool.stamps = new Int32Array(INITIAL_SLOTS);
    pool.mask = INITIAL_SLOTS - 1;
    pool.size = 0;
    pool.lastSlot = -1;
    for (const name of names) pool.place(name, hashOf(name), 0);
    return pool;
  }
}

const SEED = StringPool.seeded(ASL_FIELD_NAMES);
