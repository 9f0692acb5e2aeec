import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { deadlineOf } from "../../../audit/dns/deadline";

describe("the DNS client's view of the audit deadline", () => {
  it("tells every exchange still watching when the deadline passes, through one listener on the signal", () => {
    const ac = new AbortController();
    const deadline = deadlineOf(ac.signal);
    const told: string[] = [];
    const stops = ["a", "b", "c"].map((name) => deadline.watch(() => told.push(name)));
    stops[1]?.(); // b finished before the deadline
    expect(getEventListeners(ac.signal, "abort")).toHaveLength(1);
    expect(deadline.passed).toBe(false);
    ac.abort();
    expect(told).toEqual(["a", "c"]);
    expect(deadline.passed).toBe(true);
  });

  it("never calls a watcher added after the deadline passed (the exchange checks `passed` first)", () => {
    const ac = new AbortController();
    ac.abort();
    const deadline = deadlineOf(ac.signal);
    let called = false;
    deadline.watch(() => (called = true));
    expect(deadline.passed).toBe(true);
    expect(called).toBe(false);
  });

  it("is a deadline that never passes without a signal", () => {
    expect(deadlineOf(undefined).passed).toBe(false);
  });
});
