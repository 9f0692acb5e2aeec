/**
 * The "Auth protection" and "API authorization" rows from a `launch-ready probe authz --json` report: verified by
 * the probe when the report covers every non-public route of the stack's inventory with all four authz IDs, and
 * otherwise still not verified (a report for another inventory, or a partial one, proves nothing about the rest).
 *
 * The lead's hook (e.g. `preview --probe-report FILE`): `probeRows(JSON.parse(text), spec)`, passed as the last
 * argument of `buildScorecard`.
 */
import type { CheckId, ScorecardRowId } from "../checklist";
import { AUDIT_JSON } from "../audit/report/json-contract";
import { routeLabel } from "../core/routes";
import type { LaunchReadySpec } from "../core/spec";
import type { RowStatus } from "./scorecard";

export interface ProbedRow {
  readonly status: Extract<RowStatus, "pass" | "warn" | "fail" | "not-covered">;
  readonly note: string;
}

const ROWS: Readonly<Record<"auth-protection" | "api-authorization", readonly CheckId[]>> = {
  "auth-protection": ["authz.unauthenticated", "authz.token_validation"],
  "api-authorization": ["authz.role", "authz.tenant_isolation"],
};

export type ProbeRowsResult = { readonly ok: true; readonly rows: ReadonlyMap<ScorecardRowId, ProbedRow> } | { readonly ok: false; readonly reason: string };

export function probeRows(document: unknown, spec: LaunchReadySpec): ProbeRowsResult {
  const parsed = AUDIT_JSON.safeParse(document);
  if (!parsed.success) return { ok: false, reason: "it is not a `launch-ready probe authz --json` report" };
  const byRoute = new Map<string, Map<string, string>>();
  for (const d of parsed.data.domains) {
    for (const c of d.checks) {
      const route = c.evidence["route"];
      if (typeof route !== "string" || !c.id.startsWith("authz.")) continue;
      const m = byRoute.get(route) ?? new Map<string, string>();
      m.set(c.id, c.status);
      byRoute.set(route, m);
    }
  }
  if (byRoute.size === 0) return { ok: false, reason: "it holds no authz probe results" };
  const expected = (spec.routes?.routes ?? []).filter((r) => r.access.kind !== "public").map(routeLabel);
  const rows = new Map<ScorecardRowId, ProbedRow>();
  for (const [row, ids] of Object.entries(ROWS) as [keyof typeof ROWS, readonly CheckId[]][]) {
    const missing = expected.filter((r) => ids.some((id) => byRoute.get(r)?.get(id) === undefined));
    if (expected.length === 0 || missing.length > 0) {
      const what = expected.length === 0 ? "the stack's inventory has no non-public route" : `the probe report does not cover ${missing.join(", ")} of the stack's inventory`;
      rows.set(row, { status: "not-covered", note: `Not verified: ${what}; rerun \`launch-ready probe authz --json\` for this stack.` });
      continue;
    }
    const statuses = expected.flatMap((r) => ids.map((id) => ({ route: r, id, status: byRoute.get(r)?.get(id) ?? "error" })));
    const at = (s: string) => statuses.filter((x) => x.status === s).map((x) => `${x.id} on ${x.route}`);
    const fails = at("fail");
    const warns = at("warn");
    const errors = at("error");
    if (fails.length > 0) rows.set(row, { status: "fail", note: `The authz probe found: ${fails.join("; ")}.` });
    else if (warns.length > 0) rows.set(row, { status: "warn", note: `The authz probe warns: ${warns.join("; ")}.` });
    else if (errors.length > 0) rows.set(row, { status: "not-covered", note: `Not verified: the authz probe could not decide ${errors.join("; ")}.` });
    else rows.set(row, { status: "pass", note: `Verified by \`launch-ready probe authz\` on ${expected.length} non-public route(s) (${ids.join(", ")}); the rest of the row is checked live by \`launch-ready audit\`.` });
  }
  return { ok: true, rows };
}
