// Memoised pure functions of one string. A large definition repeats the same few strings (resources,
// endpoints, path keys) on thousands of states; each distinct one is worked out once. The memo is
// bounded: it is emptied when it reaches `max` entries, so no input makes it grow without limit.
// Results are shared between callers: they must not be mutated.
export function memoize<T>(fn: (s: string) => T, max = 5000): (s: string) => T {
  const memo = new Map<string, T>();
  return (s: string): T => {
    let hit = memo.get(s);
    if (hit === undefined && !memo.has(s)) {
      if (memo.size >= max) memo.clear();
      hit = fn(s);
      memo.set(s, hit);
    }
    return hit as T;
  };
}
