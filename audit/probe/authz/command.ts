/**
 * `launch-ready probe authz`: reads the stack's route inventory and the test accounts, plans every request, refuses
 * to start over the request budget, sends them (bounded: concurrency, per-request timeout, deadline), and prints
 * one report in the auditor's formats. No credential reaches the output: the known secrets are scrubbed from every
 * byte printed, on top of the auditor's own redaction. Exit statuses: `cli/exit-codes.ts`.
 */
import { setMaxListeners } from "node:events";
import { errorDocument, formatErrorDocument, type InputError } from "../../../cli/error-document";
import { EXIT, type ExitCode } from "../../../cli/exit-codes";
import { readStackFile, StackFileError } from "../../../config/stack-file";
import { validateConfig } from "../../../config/validate";
import { createRedactor, defaultScanner } from "../../../core/secrets";
import { auditExitStatus, formatHuman, formatJson, formatMarkdown, formatSarif } from "../../report";
import { CredentialsError, loadCredentials, secretsOf } from "./credentials";
import { createProbeHttp, type ProbeHttp } from "./http";
import { AUTHZ_PROBE_IDS } from "./judge";
import { planProbe, plannedRequests } from "./plan";
import { probeReport } from "./report";
import { sendAttempts } from "./send";

export type ProbeFormat = "human" | "json" | "sarif" | "markdown";

export interface ProbeAuthzOptions {
  readonly stack: string;
  readonly stacksDir: string;
  readonly baseUrl: string;
  readonly credentialsFile: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly allowWrites: boolean;
  readonly format: ProbeFormat;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly maxRequests: number;
  readonly caPem?: string;
  readonly toolVersion: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Tests inject a client; otherwise undici. */
  readonly http?: ProbeHttp;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/;

export async function runProbeAuthz(opts: ProbeAuthzOptions): Promise<ExitCode> {
  let scrub = (s: string): string => s;
  const out = (s: string): void => opts.stdout(scrub(s));
  const err = (s: string): void => opts.stderr(scrub(s));
  const invalid = (errors: readonly InputError[]): ExitCode => {
    for (const e of errors) err(`launch-ready probe authz: ${e.path !== undefined ? `${e.path}: ` : ""}${e.message}\n`);
    if (opts.format === "json") out(formatErrorDocument(errorDocument("probe", EXIT.invalidInput, errors)));
    return EXIT.invalidInput;
  };

  let baseUrl: URL;
  try {
    baseUrl = new URL(opts.baseUrl);
  } catch {
    return invalid([{ path: "--base-url", message: `'${opts.baseUrl}' is not a URL: give the application's origin, e.g. https://staging.acme.example` }]);
  }
  if (baseUrl.protocol !== "https:" && !(baseUrl.protocol === "http:" && LOOPBACK.test(baseUrl.hostname))) {
    return invalid([{ path: "--base-url", message: `'${opts.baseUrl}' is not https: the probe sends real credentials, so plain http is accepted only for a loopback address` }]);
  }
  if (baseUrl.search !== "" || baseUrl.hash !== "" || baseUrl.username !== "" || baseUrl.password !== "") {
    return invalid([{ path: "--base-url", message: "give only scheme, host, port and an optional path prefix: no query, fragment or user info" }]);
  }

  let spec;
  try {
    const file = readStackFile(opts.stacksDir, opts.stack);
    const report = validateConfig(file.config, { secretPaths: file.secretPaths });
    if (report.value === undefined) return invalid(report.errors.map((e) => ({ path: `${file.path}, ${e.path}`, message: e.message })));
    spec = report.value;
  } catch (e) {
    if (e instanceof StackFileError) return invalid(e.issues.map((i) => ({ path: i.path === "--stack" ? "--stack" : `${e.file}, ${i.path}`, message: i.message })));
    throw e;
  }
  const inventory = spec.routes;
  if (inventory === undefined || !inventory.routes.some((r) => r.access.kind !== "public")) {
    return invalid([{ path: "--stack", message: `stack ${opts.stack} declares no non-public route under launch-ready:routes: list the routes (with their access) to probe` }]);
  }

  let accounts;
  try {
    accounts = loadCredentials(opts.credentialsFile, opts.env, inventory.roles);
  } catch (e) {
    if (e instanceof CredentialsError) return invalid(e.issues.map((i) => ({ path: i.path.startsWith("--") ? i.path : `${opts.credentialsFile}, ${i.path}`, message: i.message })));
    throw e;
  }
  // From here on every byte printed is scrubbed of the accounts' secrets (whole, or any 16-character run of one).
  const secrets = secretsOf(accounts);
  const redactor = createRedactor({ scanner: defaultScanner, secretValues: secrets });
  scrub = (s) => {
    let t = redactor.text(s);
    for (const secret of secrets) t = t.split(secret).join("[secret]");
    return t;
  };

  const plans = planProbe(inventory, accounts, { allowWrites: opts.allowWrites });
  const total = plannedRequests(plans);
  if (total > opts.maxRequests) {
    return invalid([{ path: "--max-requests", message: `the probe would send ${total} requests, over the budget of ${opts.maxRequests}: raise --max-requests or probe a smaller inventory` }]);
  }

  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const timer = setTimeout(() => abort.abort(), opts.deadlineMs);
  const http = opts.http ?? createProbeHttp({ timeoutMs: opts.timeoutMs, connections: opts.concurrency, ...(opts.caPem !== undefined ? { caPem: opts.caPem } : {}) });
  try {
    const observations = await sendAttempts(plans.flatMap((p) => p.attempts), { baseUrl, http, concurrency: opts.concurrency, signal: abort.signal });
    const report = probeReport(baseUrl, plans, observations);
    switch (opts.format) {
      case "json":
        out(formatJson(report));
        break;
      case "sarif":
        out(formatSarif(report, { ruleIds: [...AUTHZ_PROBE_IDS], toolVersion: opts.toolVersion }));
        break;
      case "markdown":
        out(formatMarkdown(report).replace(/^## launch-ready audit/, "## launch-ready probe authz"));
        break;
      case "human":
        out(formatHuman(report).replace(/(\d+) domains?:/, `${report.domains.length} route${report.domains.length === 1 ? "" : "s"} probed with ${total} request${total === 1 ? "" : "s"}:`));
        break;
    }
    return auditExitStatus(report, "fail");
  } finally {
    clearTimeout(timer);
    if (opts.http === undefined) await http.close();
  }
}
