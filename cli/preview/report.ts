/**
 * The offline preview's report: the JSON document (`--json`) and the human rendering of the same data.
 * Pure: built from the captured run and the scorecard. Every string of the document passes through the one
 * redaction (`core/secrets`) before anything is printed, so the text rendering, built from the document, is
 * clean too: secret inputs' values become `[secret]` wherever a rule message or a log quotes them, and
 * credential-looking content that is not secret becomes `[withheld: <kind>]`.
 */
import { runbookLink } from "../../core/runbooks/links";
import type { ConfigIssue } from "../../config/issues";
import { createRedactor, defaultScanner, type Redactor } from "../../core/secrets";
import type { CaptureLog, CapturedResource } from "../../engine/capture";
import { shortType } from "../../policy/resource";
import type { PlanCheckResult, Scorecard, ScorecardRowResult } from "../../policy/scorecard";

export interface PreviewResource {
  readonly type: string;
  readonly name: string;
  /** The parent's name; omitted for top-level resources. */
  readonly parent?: string;
  /** What the engine would do: create, or import (adopt) an existing object. */
  readonly action: "create" | "import";
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface PreviewDocument {
  readonly stack: string;
  readonly mode: "preview" | "up";
  readonly resources: readonly PreviewResource[];
  readonly checks: readonly PlanCheckResult[];
  readonly scorecard: readonly ScorecardRowResult[];
  readonly blocked: boolean;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly warnings: readonly ConfigIssue[];
  readonly logs: readonly CaptureLog[];
}

export function previewDocument(
  stack: string,
  mode: "preview" | "up",
  resources: readonly CapturedResource[],
  scorecard: Scorecard,
  outputs: Readonly<Record<string, unknown>>,
  warnings: readonly ConfigIssue[],
  logs: readonly CaptureLog[],
): PreviewDocument {
  const nameByUrn = new Map(resources.map((r) => [r.urn, r.name]));
  const doc: PreviewDocument = {
    stack,
    mode,
    resources: resources.map((r) => {
      const parent = r.parentUrn === undefined ? undefined : nameByUrn.get(r.parentUrn);
      const { importId, ...rest } = r.options;
      const options: Record<string, unknown> = { ...rest };
      if (importId !== undefined) options["import"] = importId;
      return {
        type: r.type,
        name: r.name,
        ...(parent !== undefined && !r.parentUrn?.includes("pulumi:pulumi:Stack") ? { parent } : {}),
        action: importId !== undefined ? "import" : "create",
        inputs: r.displayInputs,
        options,
      };
    }),
    checks: scorecard.checks,
    scorecard: scorecard.rows,
    blocked: scorecard.blocked,
    outputs,
    warnings,
    logs,
  };
  const redactor = createRedactor({ scanner: defaultScanner, secretValues: resources.flatMap(secretValuesOf) });
  redactor.prime(doc);
  return redactDocument(doc, redactor);
}

/** The plaintext behind every `[secret]` of a captured resource's display inputs. */
export function secretValuesOf(r: CapturedResource): string[] {
  const out: string[] = [];
  const walk = (plain: unknown, display: unknown): void => {
    if (display === SECRET_DISPLAY) {
      collectStrings(plain, out);
    } else if (Array.isArray(display) && Array.isArray(plain)) {
      display.forEach((d, i) => walk(plain[i], d));
    } else if (isRecord(display) && isRecord(plain)) {
      for (const [k, d] of Object.entries(display)) walk(plain[k], d);
    }
  };
  for (const [k, d] of Object.entries(r.displayInputs)) walk(r.inputs[k], d);
  return out;
}

/** The capture's secret marker (`engine/capture.ts` SECRET_MARK), repeated here so the report needs no engine code. */
const SECRET_DISPLAY = "[secret]";

function collectStrings(v: unknown, out: string[]): void {
  if (typeof v === "string") out.push(v);
  else if (typeof v === "number" || typeof v === "boolean") out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out);
  else if (isRecord(v)) for (const x of Object.values(v)) collectStrings(x, out);
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function redactDocument(doc: PreviewDocument, red: Redactor): PreviewDocument {
  const t = (s: string): string => red.text(s);
  return {
    stack: doc.stack,
    mode: doc.mode,
    resources: doc.resources.map((r) => ({
      ...r,
      name: t(r.name),
      ...(r.parent !== undefined ? { parent: t(r.parent) } : {}),
      inputs: red.record(r.inputs),
      options: red.record(r.options),
    })),
    checks: doc.checks.map((c) => ({
      ...c,
      message: t(c.message),
      ...(c.why !== undefined ? { why: t(c.why) } : {}),
      ...(c.remediation !== undefined ? { remediation: t(c.remediation) } : {}),
      resources: c.resources.map(t),
    })),
    scorecard: doc.scorecard.map((row) => ({ ...row, note: t(row.note) })),
    blocked: doc.blocked,
    outputs: red.record(doc.outputs),
    warnings: doc.warnings.map((w) => ({ ...w, path: t(w.path), message: t(w.message) })),
    logs: doc.logs.map((l) => ({ ...l, message: t(l.message) })),
  };
}

const STATUS_MARK: Record<string, string> = {
  pass: "✓ pass",
  info: "i info",
  warn: "! warn",
  fail: "✗ FAIL",
  "cannot-tell": "? cannot tell",
  "not-applicable": "– n/a",
  acknowledged: "~ acknowledged",
  "not-covered": "○ not covered",
  "out-of-scope": "○ out of scope",
};

export function renderPreview(doc: PreviewDocument): string {
  const lines: string[] = [];
  lines.push(`launch-ready preview · stack ${doc.stack} · offline (no credentials, no network, nothing changed)`, "");
  lines.push(`Planned resources (${doc.resources.length})`);
  const children = new Map<string | undefined, PreviewResource[]>();
  for (const r of doc.resources) {
    // The stack and the default providers (the stack file's provider settings) are not resources a user plans.
    if (r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:")) continue;
    const list = children.get(r.parent) ?? [];
    list.push(r);
    children.set(r.parent, list);
  }
  const walk = (parent: string | undefined, indent: string): void => {
    const list = children.get(parent) ?? [];
    list.forEach((r, i) => {
      const last = i === list.length - 1;
      const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
      lines.push(`${indent}${branch}${describe(r)}`);
      walk(r.name, parent === undefined ? indent : indent + (last ? "   " : "│  "));
    });
  };
  const topParents = new Set(doc.resources.map((r) => r.name));
  for (const r of doc.resources) {
    if (r.parent !== undefined && !topParents.has(r.parent)) children.set(undefined, [...(children.get(undefined) ?? []), r]);
  }
  walk(undefined, "  ");
  if (doc.warnings.length > 0 || doc.logs.length > 0) {
    lines.push("", "Notes");
    for (const w of doc.warnings) lines.push(`  ! ${w.path}: ${w.message}`);
    for (const l of doc.logs) lines.push(`  ${l.severity === "info" ? "i" : "!"} ${l.message}`);
  }
  lines.push("", "Launch checklist (pre-apply)");
  for (const row of doc.scorecard) {
    lines.push(`  ${pad(STATUS_MARK[row.status] ?? row.status, 15)} ${row.title}: ${row.note}`);
    for (const c of doc.checks.filter((c) => row.checks.includes(c.id))) {
      lines.push(`      ${pad(STATUS_MARK[c.status] ?? c.status, 8)} ${c.id}  ${c.title}${c.severity === "advisory" ? " (advisory)" : ""}`);
      if (c.status === "fail" || c.status === "warn" || c.status === "cannot-tell") {
        for (const m of c.message.split("\n")) lines.push(`               ${m}`);
        if (c.acknowledgement !== undefined) {
          const a = c.acknowledgement;
          lines.push(a.active ? `               acknowledged until ${a.until}: ${a.reason} (does not block)` : `               acknowledgement expired on ${a.until} (${a.reason}): counts again`);
        }
        if (c.why !== undefined) lines.push(`               why: ${c.why}`);
        if (c.remediation !== undefined) lines.push(`               fix: ${c.remediation}`);
        const runbook = c.status === "fail" || c.status === "warn" ? runbookLink(c.id) : undefined;
        if (runbook !== undefined) lines.push(`               runbook: ${runbook}`);
      }
    }
  }
  const failing = doc.checks.filter((c) => c.status === "fail");
  lines.push("");
  if (doc.blocked) {
    lines.push(`✗ Not launch-ready: ${failing.filter((c) => c.severity === "mandatory").length} mandatory check(s) fail.`);
  } else {
    const open = doc.scorecard.filter((r) => r.status === "not-covered" || r.status === "out-of-scope").length;
    lines.push(`✓ No mandatory check fails${failing.length > 0 ? ` (${failing.length} advisory)` : ""}. ${open} row(s) are not proven before apply: see above, and run \`launch-ready audit\` after \`pulumi up\`.`);
  }
  return lines.join("\n") + "\n";
}

function describe(r: PreviewResource): string {
  const marks = [r.action === "import" ? "= import" : "+ create"];
  if (r.options["retainOnDelete"] === true) marks.push("retainOnDelete");
  if (r.options["protect"] === true) marks.push("protect");
  const isComponent = r.type.startsWith("launch-ready:");
  const head = `${shortType(r.type)}  ${r.name}`;
  if (isComponent) return head;
  const key = keyInputs(r);
  return `${head}  [${marks.join(", ")}]${key ? `  ${key}` : ""}`;
}

/** The inputs a user checks first, by type; otherwise the first few scalar inputs. */
function keyInputs(r: PreviewResource): string {
  const i = r.inputs;
  if (r.type === "cloudflare:index/dnsRecord:DnsRecord") {
    return `${String(i["name"])} ${String(i["type"])} ${oneLine(recordValue(i))}${i["proxied"] === true ? " (proxied)" : ""}`;
  }
  // Monitoring: where an alarm lives and what it fires on; what a health check fetches.
  if (r.type === "aws:cloudwatch/metricAlarm:MetricAlarm") {
    const metric = i["metricName"] !== undefined ? `${String(i["namespace"])} ${String(i["metricName"])} ${String(i["extendedStatistic"] ?? i["statistic"])}` : "metric query";
    return `region=${String(i["region"] ?? "(provider's)")} ${metric} ${String(i["comparisonOperator"])} ${String(i["threshold"])} missing=${String(i["treatMissingData"] ?? "missing")}`;
  }
  if (r.type === "aws:route53/healthCheck:HealthCheck") {
    return `${String(i["type"])} https://${String(i["fqdn"])}${String(i["resourcePath"] ?? "/")}${i["searchString"] !== undefined ? ` contains "${String(i["searchString"])}"` : ""} measureLatency=${String(i["measureLatency"])}`;
  }
  return Object.entries(i)
    .filter(([k, v]) => k !== "zoneId" && (typeof v !== "object" || v === null))
    .slice(0, 4)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
}

/** CAA (and other structured records) carry `data` instead of `content`: show it as a zone file would. */
function recordValue(inputs: Readonly<Record<string, unknown>>): string {
  const data = inputs["data"];
  if (typeof data === "object" && data !== null) {
    const d = data as Readonly<Record<string, unknown>>;
    if (d["tag"] !== undefined) return `${String(d["flags"] ?? 0)} ${String(d["tag"])} "${String(d["value"] ?? "")}"`;
    return JSON.stringify(data);
  }
  return String(inputs["content"]);
}

/** A value on one line of the tree: line breaks shown as `\n`, as in a zone file's escaped form. */
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, "\\n");
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
