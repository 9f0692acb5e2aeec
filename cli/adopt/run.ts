/**
 * `launch-ready adopt --stack <name>`: reads the stack's zones from Cloudflare (GETs only, with the token from
 * CLOUDFLARE_API_TOKEN), matches them against the plan, prints the diff, and with `--write` puts the zone id,
 * `adoptRecords` and `rulesetIds` into the stack file. Exit: 0 done; 1 a planned record conflicts with a live one
 * (the up would fail); 2 bad input (stack file, token, base URL, a refused token, a missing zone, an unexpected
 * file); 3 Cloudflare could not be read (network, rate limiting, another API error).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { plannedPhases, planAdoption, type DomainAdoption } from "../../core/adopt";
import { planZoneSettings } from "../../core/edge/zone-settings";
import type { CloudflareSpec } from "../../core/spec";
import { formatIssues } from "../../config/format";
import { readStackFile, StackFileError, stackFilePath } from "../../config/stack-file";
import { validateConfig } from "../../config/validate";
import { errorDocument, formatErrorDocument, type InputError } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";
import { CloudflareReadError, scrub } from "./api-errors";
import { BASE_URL_ENV, baseUrlProblem, CLOUDFLARE_API, cloudflareClient } from "./client";
import { adoptionNote, type AdoptDocument, domainDocument } from "./document";
import { emailRecords } from "./email-records";
import { readZone } from "./read-zone";
import { adoptRedactor } from "./redact";
import { renderAdopt } from "./render";
import { type DomainEdit, editStackFile } from "./stack-edit";

export const TOKEN_ENV = "CLOUDFLARE_API_TOKEN";

export interface AdoptOptions {
  readonly stack: string;
  readonly stacksDir: string;
  readonly write: boolean;
  readonly force: boolean;
  readonly json: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly out?: (text: string) => void;
  readonly err?: (text: string) => void;
  /** Client tuning (tests): retries after the first attempt, per-request timeout, longest Retry-After, page size. */
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
  readonly maxRetryAfterSeconds?: number;
  readonly perPage?: number;
}

/** The stack's config without its adoption fields: what adopt recomputes must not stop it from running. */
function withoutAdoption(config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const domains = config["launch-ready:domains"];
  if (!Array.isArray(domains)) return { ...config };
  const stripped = domains.map((d: unknown) => {
    if (typeof d !== "object" || d === null) return d;
    const cf: unknown = Reflect.get(d, "cloudflare");
    if (typeof cf !== "object" || cf === null) return d;
    const rest = Object.fromEntries(Object.entries(cf).filter(([k]) => k !== "adoptRecords" && k !== "rulesetIds"));
    return { ...Object.fromEntries(Object.entries(d)), cloudflare: rest };
  });
  return { ...config, "launch-ready:domains": stripped };
}

export async function runAdopt(opts: AdoptOptions): Promise<ExitCode> {
  const env = opts.env ?? process.env;
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const err = opts.err ?? ((t: string) => void process.stderr.write(t));
  const token = env[TOKEN_ENV] ?? "";
  const stop = (code: ExitCode, errors: readonly InputError[]): ExitCode => {
    const clean = errors.map((e) => ({ ...e, message: scrub(e.message, token) }));
    err(`launch-ready adopt: ${clean.map((e) => (e.path !== undefined ? `${e.path}: ${e.message}` : e.message)).join("\n  ")}\n`);
    if (opts.json) out(formatErrorDocument(errorDocument("adopt", code, clean)));
    return code;
  };
  if (token.trim() === "") {
    return stop(EXIT.invalidInput, [{ path: TOKEN_ENV, message: "is not set: export a Cloudflare API token (read-only is enough: Zone Read, DNS Read, Zone Settings Read and the rulesets' read permissions); it is read from the environment only, never from the command line" }]);
  }
  const baseURL = env[BASE_URL_ENV] ?? CLOUDFLARE_API;
  const urlProblem = baseUrlProblem(baseURL);
  if (urlProblem !== undefined) return stop(EXIT.invalidInput, [{ path: BASE_URL_ENV, message: urlProblem }]);

  let stack;
  try {
    stack = readStackFile(resolve(opts.stacksDir), opts.stack);
  } catch (e) {
    if (e instanceof StackFileError) return stop(EXIT.invalidInput, e.issues.map((i) => ({ path: i.path, message: `${e.file}: ${i.message}` })));
    throw e;
  }
  const file = stackFilePath(resolve(opts.stacksDir), opts.stack);
  const original = readFileSync(file, "utf8");
  const report = validateConfig(withoutAdoption(stack.config), { secretPaths: stack.secretPaths });
  const redactor = adoptRedactor(token, stack.config);
  if (report.value === undefined || report.errors.length > 0) {
    // Config errors quote the value they reject: a credential pasted in the wrong field must not be echoed.
    const text = `launch-ready adopt: ${stack.path} has ${report.errors.length} config error(s):\n${formatIssues(report.errors, "✗")}\n`;
    redactor.prime([text, report.errors]);
    err(redactor.text(text));
    if (opts.json) out(formatErrorDocument(errorDocument("adopt", EXIT.invalidInput, report.errors.map((e) => ({ path: e.path, message: redactor.text(e.message) })))));
    return EXIT.invalidInput;
  }
  const spec = report.value;
  if (spec.domains.length === 0) return stop(EXIT.invalidInput, [{ path: "launch-ready:domains", message: `${stack.path} lists no domain: adopt reads the zone of each domain in launch-ready:domains` }]);
  // What the file declares today, if its adoption fields are valid; invalid ones are the file's surprise.
  const fullReport = validateConfig(stack.config, { secretPaths: stack.secretPaths });
  const full = fullReport.value;

  const retries = opts.maxRetries ?? 3;
  const client = cloudflareClient({ token, baseURL, maxRetries: retries, ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.maxRetryAfterSeconds !== undefined ? { maxRetryAfterSeconds: opts.maxRetryAfterSeconds } : {}) });
  const adoptions: DomainAdoption[] = [];
  let at = 0;
  try {
    for (const [i, d] of spec.domains.entries()) {
      at = i;
      const settingIds = d.web === undefined ? [] : planZoneSettings(d.web).map((s) => s.settingId);
      const zone = await readZone({ client, token, baseURL, retries, ...(opts.perPage !== undefined ? { perPage: opts.perPage } : {}) }, { name: d.name, ...(d.cloudflare.zoneId !== undefined ? { zoneId: d.cloudflare.zoneId } : {}) }, settingIds);
      const region = stack.config["aws:region"];
      adoptions.push(planAdoption(d, zone, emailRecords(d, typeof region === "string" ? region : undefined)));
    }
  } catch (e) {
    if (e instanceof CloudflareReadError) {
      const code = e.kind === "token" || e.kind === "zone" ? EXIT.invalidInput : EXIT.incomplete;
      const zoneField = spec.domains[at]?.cloudflare.zoneId !== undefined ? "cloudflare.zoneId" : "name";
      const path = e.kind === "token" ? TOKEN_ENV : e.kind === "zone" ? `launch-ready:domains[${at}].${zoneField}` : undefined;
      return stop(code, [{ ...(path !== undefined ? { path } : {}), message: e.message }]);
    }
    throw e;
  }

  const edits: DomainEdit[] = adoptions.map((a, index) => {
    const d = spec.domains[index];
    const current: Pick<CloudflareSpec, "zoneId" | "adoptRecords" | "rulesetIds" | "imported"> = full?.domains[index]?.cloudflare ?? { ...(d?.cloudflare.zoneId !== undefined ? { zoneId: d.cloudflare.zoneId } : {}), adoptRecords: [], rulesetIds: {} };
    return {
      index,
      zoneId: a.zoneId,
      adoptRecords: a.adoptRecords,
      notes: a.records.adopt.map((x) => adoptionNote(x.changes)),
      rulesetIds: a.rulesetIds,
      plannedPhases: d === undefined ? [] : plannedPhases(d),
      current,
    };
  });
  const edit = editStackFile(original, edits);
  // Invalid adoption fields are values the rewrite replaces without knowing what they meant: unexpected too.
  const unexpected = [...edit.unexpected, ...(full === undefined ? fullReport.errors.map((e) => ({ path: e.path, message: `${e.message} (the rewrite replaces it)` })) : [])];
  const conflicts = adoptions.some((a) => a.records.conflicts.length > 0);
  let written = false;
  let code: ExitCode = conflicts ? EXIT.checkFailed : EXIT.ok;
  if (opts.write) {
    if (unexpected.length > 0 && !opts.force) code = EXIT.invalidInput;
    else if (readFileSync(file, "utf8") !== original) {
      return stop(EXIT.invalidInput, [{ path: "--stack", message: `${stack.path} changed while adopt ran: run it again` }]);
    } else if (edit.changed) {
      writeFileSync(file, edit.text);
      written = true;
    }
  }
  const doc: AdoptDocument = { command: "adopt", stack: opts.stack, exitCode: code, domains: adoptions.map(domainDocument), unexpected, written, yaml: edit.text };
  if (opts.json) {
    redactor.prime(doc);
    out(scrub(`${JSON.stringify(redactor.value(doc), null, 2)}\n`, token));
  } else {
    const text = renderAdopt(doc, stack.path, opts.write);
    redactor.prime([text]);
    out(scrub(redactor.text(text), token));
  }
  if (code === EXIT.invalidInput) err(`launch-ready adopt: ${stack.path} was not written: it declares adoption values the rewrite would change (see above); run with --force to replace them\n`);
  return code;
}
