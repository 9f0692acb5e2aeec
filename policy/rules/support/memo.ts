/**
 * Per-evaluation memo: what the support functions derive from one resources array (the zones, the planned sites,
 * the redirect chains) is derived once, however many rules ask. The scorecard hands every rule the same array
 * (`policy/scorecard.ts`), so the work per evaluation stays linear in the resources, not rules × resources. Keyed by
 * the array's identity (a new plan is a new array; nothing is kept alive by the memo). A derivation that throws
 * (an unknown input before apply) is not remembered: the next rule asking gets the same error.
 */
export function memoByIdentity<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = derive(key);
    memo.set(key, value);
    return value;
  };
}
