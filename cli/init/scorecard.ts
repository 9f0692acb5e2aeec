/**
 * Before and after, per checklist ID: the live audit's status now and the offline preview's status for the written
 * stack, side by side, for the human report and the `--json` document.
 */
import type { AuditStatus, CheckResult } from "../../audit/types";
import type { CheckId } from "../../checklist";
import type { PlanCheckResult, PlanCheckStatus } from "../../policy/scorecard";

export interface BeforeAfter {
  readonly id: CheckId;
  /** The live audit's status; absent when the auditor does not check this ID. */
  readonly live?: AuditStatus;
  /** The new stack's preview status; absent when no plan rule judges this ID. */
  readonly plan?: PlanCheckStatus;
}

export function beforeAfter(live: readonly CheckResult[], plan: readonly PlanCheckResult[]): BeforeAfter[] {
  const ids: CheckId[] = [];
  for (const c of [...live, ...plan]) if (!ids.includes(c.id)) ids.push(c.id);
  return ids.map((id) => {
    const l = live.find((c) => c.id === id)?.status;
    const p = plan.find((c) => c.id === id)?.status;
    return { id, ...(l !== undefined ? { live: l } : {}), ...(p !== undefined ? { plan: p } : {}) };
  });
}

/** The IDs the live audit fails whose plan judges them and does not pass: what the written stack does not fix yet. */
export function stillFailing(rows: readonly BeforeAfter[]): BeforeAfter[] {
  return rows.filter((r) => r.live === "fail" && r.plan !== undefined && r.plan !== "pass");
}

/** The IDs the live audit fails that no plan rule judges: only an audit after apply can tell. */
export function liveOnly(rows: readonly BeforeAfter[]): BeforeAfter[] {
  return rows.filter((r) => r.live === "fail" && r.plan === undefined);
}

/** Rows worth a human's eye: anything not passing on either side, live-checked IDs first. */
export function renderBeforeAfter(rows: readonly BeforeAfter[]): string {
  const shown = rows.filter((r) => r.live !== undefined && r.live !== "skip");
  const width = Math.max(...shown.map((r) => r.id.length), 10);
  const lines = [`  ${"check".padEnd(width)}  ${"live now".padEnd(9)}  new stack (offline preview)`];
  for (const r of shown) {
    const mark = r.live !== "fail" || r.plan === undefined ? "" : r.plan === "pass" ? "  fixed" : "  NOT FIXED";
    lines.push(`  ${r.id.padEnd(width)}  ${(r.live ?? "-").padEnd(9)}  ${r.plan ?? "(not judged before apply)"}${mark}`);
  }
  return `${lines.join("\n")}\n`;
}
