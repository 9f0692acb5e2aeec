/**
 * The scan's verdict and its four outputs (text, JSON, SARIF 2.1.0, Markdown). Every finding names where it is
 * (file and line, and the commit and date, or "working tree"), the rule and the kind, and links the rotation
 * runbook; never the value, nor any part of it: a report only ever holds what `RepoFinding` holds.
 */
import type * as Sarif from "sarif";
import { CHECKS } from "../../checklist";
import { cannotTell, judged, type Verdict } from "../../core/judge";
import { codeScanner, createRedactor } from "../../core/secrets";
import type { RepoFinding, RepoScanReport } from "./scan";

export const ID = "secrets.repo_scan";
/** Where to start when a credential is found: rotate first, then purge. Relative to the launch-ready package. */
export const RUNBOOK = "runbooks/secret-rotation.md";
/** A short commit ID, as long as GitHub and GitLab show them. */
const SHORT = 12;

/** A path is the world's text: withheld too if it should look like a credential itself. */
const redactor = createRedactor({ scanner: codeScanner });

export interface FindingView {
  readonly rule: string;
  readonly kind: string;
  readonly file: string;
  readonly line: number;
  /** `history` (a commit introduced it), `ref` (reachable from a ref, no commit adds it), `working tree`. */
  readonly where: "history" | "ref" | "working tree";
  readonly commit?: string;
  readonly date?: string;
  readonly tracked?: boolean;
  readonly runbook: string;
}

export function viewOf(f: RepoFinding): FindingView {
  const base = { rule: f.rule, kind: f.kind, file: redactor.text(f.location.path), line: f.line, runbook: RUNBOOK };
  switch (f.location.kind) {
    case "commit":
      return { ...base, where: "history", commit: f.location.commit, date: f.location.date };
    case "ref":
      return { ...base, where: "ref" };
    case "working-tree":
      return { ...base, where: "working tree", tracked: f.location.tracked };
  }
}

/** One line naming the finding: `config/prod.env:3 (commit 1a2b3c4d5e6f, 2024-05-01)`. */
export function whereText(v: FindingView): string {
  const at = `${v.file}:${v.line}`;
  if (v.where === "history") return `${at} (commit ${(v.commit ?? "").slice(0, SHORT)}, ${(v.date ?? "").slice(0, 10)})`;
  if (v.where === "ref") return `${at} (reachable from a ref; no commit adds it)`;
  return `${at} (working tree, ${v.tracked === true ? "uncommitted change" : "untracked file"})`;
}

export function scanVerdict(r: RepoScanReport): Verdict {
  const views = r.findings.map(viewOf);
  if (views.length > 0) return judged(ID, "found", views.map((v) => `${whereText(v)}: ${v.kind} [${v.rule}] (value withheld)`));
  if (r.shallow) {
    return cannotTell(
      `${r.root} is a shallow clone: the history before its cut was not scanned. Fetch it whole (\`git fetch --unshallow\`; in GitHub Actions, \`actions/checkout\` with \`fetch-depth: 0\`) and scan again`,
    );
  }
  return judged(ID, "clean", [
    `No credential in ${r.blobsScanned} blob(s) of ${r.commits} commit(s) on ${r.refs} ref(s)${r.bare ? "" : ` or in ${r.workingTreeScanned} changed or untracked working-tree file(s)`}`,
  ]);
}

function notes(r: RepoScanReport): string[] {
  const out: string[] = [];
  const { binary, tooLarge, listed } = r.skipped;
  if (binary + tooLarge > 0) {
    const names = listed.map((s) => `${redactor.text(s.path)} (${s.where}, ${s.reason}, ${s.bytes} bytes)`).join("; ");
    const more = binary + tooLarge - listed.length;
    out.push(
      `Not scanned: ${binary} binary and ${tooLarge} file(s) over ${r.maxFileBytes} bytes${names ? `: ${names}${more > 0 ? `; and ${more} more` : ""}` : ""}. A credential inside them would not be found.`,
    );
  }
  if (r.ignored.findings > 0) out.push(`${r.ignored.findings} finding(s) in paths listed in ${r.ignored.file} (${r.ignored.patterns.join(", ")}) are not reported.`);
  if (r.bare) out.push("A bare repository: the history was scanned; there is no working tree.");
  return out;
}

export function formatText(r: RepoScanReport): string {
  const v = scanVerdict(r);
  const out: string[] = [`launch-ready scan secrets: ${r.root}`, ""];
  if ("facts" in v && v.outcome === "found") {
    out.push(`FAIL ${ID}: ${r.findings.length} credential(s) found (values withheld):`);
    for (const f of r.findings.map(viewOf)) out.push(`  - ${whereText(f)}: ${f.kind} [${f.rule}]`);
    out.push("", `Fix: ${CHECKS[ID].remediation}`, `Runbook: ${RUNBOOK}`);
  } else if (v.status === "cannot-tell") {
    out.push(`CANNOT TELL ${ID}: ${v.reason}.`);
  } else {
    out.push(`PASS ${ID}: ${"facts" in v ? v.facts.join("; ") : ""}.`);
  }
  out.push(`Scanned ${r.commits} commit(s) on ${r.refs} ref(s): ${r.blobsScanned} distinct blob(s); working tree: ${r.workingTreeScanned} file(s) not yet committed, ${r.workingTreeUnchanged} identical to a committed blob.`);
  for (const n of notes(r)) out.push(n);
  return `${out.join("\n")}\n`;
}

export function jsonDocument(r: RepoScanReport): Record<string, unknown> {
  const v = scanVerdict(r);
  return {
    command: "scan secrets",
    id: ID,
    status: v.status,
    ...("outcome" in v ? { outcome: v.outcome } : {}),
    summary: "facts" in v ? v.facts.join("; ") : v.reason,
    repository: r.root,
    runbook: RUNBOOK,
    remediation: v.status === "fail" ? CHECKS[ID].remediation : "",
    scanned: { refs: r.refs, commits: r.commits, blobs: r.blobsScanned, workingTreeFiles: r.workingTreeScanned, workingTreeUnchanged: r.workingTreeUnchanged, shallow: r.shallow, bare: r.bare },
    skipped: { binary: r.skipped.binary, tooLarge: r.skipped.tooLarge, maxFileBytes: r.maxFileBytes, listed: r.skipped.listed.map((s) => ({ ...s, path: redactor.text(s.path) })) },
    ignored: { file: r.ignored.file, patterns: [...r.ignored.patterns], findings: r.ignored.findings },
    notes: notes(r),
    findings: r.findings.map(viewOf),
  };
}

export function formatJson(r: RepoScanReport): string {
  return `${JSON.stringify(jsonDocument(r), null, 2)}\n`;
}

export function buildSarif(r: RepoScanReport, toolVersion: string): Sarif.Log {
  const def = CHECKS[ID];
  const results = r.findings.map(viewOf).map(
    (f): Sarif.Result => ({
      ruleId: ID,
      ruleIndex: 0,
      level: "error",
      message: { text: `${f.kind} [${f.rule}] at ${whereText(f)} (value withheld). Rotate it first: ${RUNBOOK}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" }, region: { startLine: f.line } } }],
      partialFingerprints: { "launchReady/v1": `${f.rule}/${f.file}/${f.commit ?? f.where}` },
      properties: { detector: f.rule, kind: f.kind, where: f.where, ...(f.commit !== undefined ? { commit: f.commit, date: f.date ?? "" } : {}), runbook: RUNBOOK },
    }),
  );
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "launch-ready",
            version: toolVersion,
            rules: [
              {
                id: ID,
                name: "SecretsRepoScan",
                shortDescription: { text: def.title },
                fullDescription: { text: def.why },
                help: { text: `${def.remediation} Runbook: ${RUNBOOK}` },
                defaultConfiguration: { level: "error" },
                properties: { tags: ["launch-ready", def.row, "security"] },
              },
            ],
          },
        },
        results,
        columnKind: "unicodeCodePoints",
      },
    ],
  };
}

export function formatSarif(r: RepoScanReport, toolVersion: string): string {
  return `${JSON.stringify(buildSarif(r, toolVersion), null, 2)}\n`;
}

function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

export function formatMarkdown(r: RepoScanReport): string {
  const v = scanVerdict(r);
  const out: string[] = ["## launch-ready scan secrets", ""];
  if (v.status === "fail") {
    out.push(`❌ **${r.findings.length} credential(s) found** (values withheld). Rotate each first, then purge the history: [${RUNBOOK}](${RUNBOOK}).`, "");
    out.push("| file | where | rule | kind |", "|---|---|---|---|");
    for (const f of r.findings.map(viewOf)) {
      const where = f.where === "history" ? `commit \`${(f.commit ?? "").slice(0, SHORT)}\` (${(f.date ?? "").slice(0, 10)})` : f.where === "ref" ? "reachable from a ref" : `working tree (${f.tracked === true ? "uncommitted" : "untracked"})`;
      out.push(`| \`${cell(f.file)}:${f.line}\` | ${where} | \`${cell(f.rule)}\` | ${cell(f.kind)} |`);
    }
    out.push("");
  } else if (v.status === "cannot-tell") {
    out.push(`⛔ **cannot tell**: ${cell(v.reason)}.`, "");
  } else {
    out.push(`✅ ${cell("facts" in v ? v.facts.join("; ") : "")}.`, "");
  }
  for (const n of notes(r)) out.push(`_${cell(n)}_`, "");
  return `${out.join("\n")}\n`;
}
