/**
 * The audit deadline as the DNS client's exchanges watch it: one listener on the deadline's AbortSignal for all of
 * them, instead of one added and removed per exchange. An AbortSignal keeps its listeners in a list that removal
 * walks, so a listener per query cost more the more queries were in flight (an audit sends about 190).
 */
export interface Deadline {
  /** Whether the deadline has passed. */
  readonly passed: boolean;
  /** Calls `fn` once when the deadline passes (never if it already has); returns what stops watching. */
  watch(fn: () => void): () => void;
}

const NEVER: Deadline = { passed: false, watch: () => () => undefined };

export function deadlineOf(signal: AbortSignal | undefined): Deadline {
  if (signal === undefined) return NEVER;
  const watchers = new Set<() => void>();
  signal.addEventListener(
    "abort",
    () => {
      const due = [...watchers];
      watchers.clear();
      for (const fn of due) fn();
    },
    { once: true },
  );
  return {
    get passed() {
      return signal.aborted;
    },
    watch(fn) {
      if (signal.aborted) return () => undefined;
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
  };
}
