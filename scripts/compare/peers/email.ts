/**
 * The email peers (Debian packages) on the email lab, each pointed at the lab's Knot and nothing else:
 * - pyspf (python3-spf) and postfix-mta-sts-resolver's resolver (the library of `mta-sts-query`) through small Python
 *   drivers whose DNS resolver knows only the lab (`configure=False`: /etc/resolv.conf is never read);
 * - opendkim-testkey (opendkim-tools) with its own libunbound configuration forwarding to the lab (`-x`, so the
 *   system opendkim.conf is not read either);
 * - opendmarc-check (opendmarc), built on glibc's resolver, which reads only /etc/resolv.conf and takes no port:
 *   a relay on 127.0.5.3:53 and a private resolv.conf bind-mounted in its own mount namespace.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditStatus, CheckResult } from "../../../audit/types";
import type { CompareLab, Verdicts } from "../lab";
import { startRelay53, withPrivateResolvConf } from "../relay53";
import { runChild } from "../run-child";
import type { Comparison, PeerStatus } from "../table";

const PYTHON = "/usr/bin/python3";
const HERE = __dirname;
/** An address no lab SPF record lists (TEST-NET-3, RFC 5737): what a stranger sending as the domain gets. */
export const STRANGER_IP = "203.0.113.77";

export interface PeerRun {
  readonly note: string;
  readonly comparisons: readonly Comparison[];
}

const RANK: Record<AuditStatus | "missing", number> = { fail: 5, error: 4, missing: 3, warn: 2, info: 1, pass: 0, skip: -1 };

/** Several of our IDs folded into one verdict, as a peer gives one: the worst of them (a skip counts for nothing). */
export function worstOf(checks: ReadonlyMap<string, CheckResult> | undefined, ids: readonly string[]): { status: AuditStatus | "missing"; says: string } {
  let worst: { status: AuditStatus | "missing"; says: string } = { status: "skip", says: "" };
  for (const id of ids) {
    const c = checks?.get(id);
    const status = c?.status ?? "missing";
    if (RANK[status] > RANK[worst.status]) worst = { status, says: c ? `${id}: ${c.summary}` : `${id}: no result` };
  }
  return worst;
}

function missingTool(bin: string, apt: string): string | undefined {
  return existsSync(bin) ? undefined : `${bin} not installed: apt-get install ${apt}`;
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l): unknown => JSON.parse(l))
    .filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null);
}

const SPF_RECORD_IDS = ["spf.record", "spf.syntax", "spf.lookups", "spf.void_lookups", "spf.loop"];

export async function pyspf(lab: CompareLab, ours: Verdicts): Promise<PeerRun | string> {
  const missing = missingTool("/usr/lib/python3/dist-packages/spf.py", "python3-spf");
  if (missing) return missing;
  const r = await runChild([PYTHON, join(HERE, "pyspf.py"), lab.knot.host, String(lab.knot.port), STRANGER_IP, ...lab.emailTargets], { PATH: process.env["PATH"] ?? "" }, 120_000);
  const comparisons: Comparison[] = [];
  for (const line of jsonLines(r.stdout)) {
    const domain = String(line["domain"]);
    const result = String(line["result"]);
    const says = `${result}: ${String(line["explanation"] ?? "")}`;
    const checks = ours.get(domain);
    const record = worstOf(checks, SPF_RECORD_IDS);
    // permerror: the record (or one it includes) is broken; none: there is no SPF record (RFC 7208 §2.6).
    const recordStatus: PeerStatus | undefined = result === "permerror" || result === "none" ? "fail" : result === "temperror" ? undefined : "pass";
    comparisons.push({ peer: "pyspf", target: domain, check: SPF_RECORD_IDS.join("+"), ours: record.status, oursSays: record.says, peerStatus: recordStatus, peerSays: says, warnAs: "pass" });
    if (recordStatus === "pass") {
      // What a stranger gets: fail (-all) or softfail (~all) protect; pass (+all) or neutral (?all) do not.
      const all = checks?.get("spf.all");
      const allStatus: PeerStatus = result === "fail" || result === "softfail" ? "pass" : "fail";
      comparisons.push({ peer: "pyspf", target: domain, check: "spf.all", ours: all?.status ?? "missing", oursSays: all?.summary ?? "", peerStatus: allStatus, peerSays: `${STRANGER_IP} → ${says}`, warnAs: result === "softfail" ? "pass" : "fail" });
    }
  }
  return { note: `pyspf (python3-spf): SPF for ${STRANGER_IP} on ${lab.emailTargets.length} domains`, comparisons };
}

/** What opendmarc-check printed for one domain. */
export interface OpendmarcReading {
  readonly found: boolean;
  /** The record was found but opendmarc rejected it (bad token, no p=). */
  readonly rejected?: string;
  readonly policy?: string;
  readonly subdomainPolicy?: string;
  readonly raw: string;
}

export function parseOpendmarcCheck(code: number | null, stdout: string, stderr: string): OpendmarcReading {
  const raw = `${stdout}${stderr}`.trim().replace(/\s+/g, " ");
  if (code === 0) {
    const policy = /Domain policy:\s*(\S+)/.exec(stdout)?.[1];
    const subdomainPolicy = /Subdomain policy:\s*(\S+)/.exec(stdout)?.[1];
    return { found: true, ...(policy ? { policy } : {}), ...(subdomainPolicy ? { subdomainPolicy } : {}), raw };
  }
  if (/lacked a DMARC record/.test(stderr)) return { found: false, raw };
  const why = /opendmarc_policy_query_dmarc\([^)]*\):\s*(.*)/.exec(stderr)?.[1] ?? raw;
  return { found: true, rejected: why.trim(), raw };
}

export async function opendmarc(lab: CompareLab, ours: Verdicts, scratch: string): Promise<PeerRun | string> {
  const missing = missingTool("/usr/sbin/opendmarc-check", "opendmarc") ?? missingTool("/usr/bin/unshare", "util-linux");
  if (missing) return missing;
  if (process.getuid?.() !== 0) return "opendmarc-check needs root here (a private /etc/resolv.conf in its own mount namespace)";
  const relay = await startRelay53(lab.knot);
  const resolvConf = join(scratch, "resolv.conf");
  writeFileSync(resolvConf, `nameserver ${relay.address}\noptions timeout:2 attempts:1\n`);
  const comparisons: Comparison[] = [];
  try {
    for (const domain of lab.emailTargets) {
      const r = await runChild(withPrivateResolvConf(resolvConf, ["/usr/sbin/opendmarc-check", domain]), { PATH: process.env["PATH"] ?? "" }, 30_000);
      const peer = parseOpendmarcCheck(r.code, r.stdout, r.stderr);
      const checks = ours.get(domain);
      const row = (check: string, peerStatus: PeerStatus | undefined, warnAs: "pass" | "fail", peerSays = peer.raw): void => {
        const c = checks?.get(check);
        comparisons.push({ peer: "opendmarc-check", target: domain, check, ours: c?.status ?? "missing", oursSays: c?.summary ?? "", peerStatus, peerSays, warnAs });
      };
      const policyOk = peer.policy === "reject" || peer.policy === "quarantine";
      row("dmarc.record", peer.found ? "pass" : "fail", "pass");
      row("dmarc.syntax", peer.found ? (peer.rejected ? "fail" : "pass") : undefined, "pass");
      row("dmarc.policy", peer.found && !peer.rejected ? (policyOk ? "pass" : "fail") : "fail", "pass", peer.rejected ? `record rejected, no policy applied: ${peer.rejected}` : peer.found ? `Domain policy: ${peer.policy ?? "?"}` : peer.raw);
      const sp = peer.subdomainPolicy;
      const subOk = sp === undefined || sp === "unspecified" || sp !== "none" || peer.policy === "none";
      row("dmarc.subdomain_policy", peer.found ? (peer.rejected ? "fail" : subOk ? "pass" : "fail") : undefined, "fail", peer.found && !peer.rejected ? `Subdomain policy: ${sp ?? "?"} (domain ${peer.policy ?? "?"})` : peer.raw);
    }
  } finally {
    await relay.close();
  }
  return { note: `opendmarc-check (opendmarc 1.4): ${lab.emailTargets.length} names, through a relay on ${relay.address}:53 and a private resolv.conf`, comparisons };
}

const DKIM_IDS = ["dkim.selector", "dkim.syntax", "dkim.key_strength", "dkim.revoked"];

export async function opendkimTestkey(lab: CompareLab, ours: Verdicts, scratch: string): Promise<PeerRun | string> {
  const missing = missingTool("/usr/sbin/opendkim-testkey", "opendkim-tools");
  if (missing) return missing;
  // libunbound: forward everything to the lab; test. is one of unbound's blocked names (RFC 6761) unless undone.
  const ub = join(scratch, "opendkim-unbound.conf");
  writeFileSync(
    ub,
    ["server:", "  do-not-query-localhost: no", "  do-ip6: no", "  outgoing-interface: 127.0.0.1", '  module-config: "iterator"', '  local-zone: "test." nodefault', "forward-zone:", '  name: "."', `  forward-addr: ${lab.knot.host}@${lab.knot.port}`, ""].join("\n"),
  );
  const conf = join(scratch, "opendkim.conf");
  writeFileSync(conf, `ResolverConfiguration ${ub}\n`);
  const comparisons: Comparison[] = [];
  for (const { domain, selector } of lab.dkimKeys) {
    const target = `${selector}._domainkey.${domain}`;
    const r = await runChild(["/usr/sbin/opendkim-testkey", "-x", conf, "-d", domain, "-s", selector, "-vvv"], { PATH: process.env["PATH"] ?? "" }, 30_000);
    const said = `${r.stdout}${r.stderr}`.replace(/opendkim-testkey: /g, "").replace(/checking key '[^']*'\s*/g, "").trim().replace(/\s+/g, " ");
    const worst = worstOf(ours.get(target), DKIM_IDS);
    comparisons.push({ peer: "opendkim-testkey", target, check: DKIM_IDS.join("+"), ours: worst.status, oursSays: worst.says, peerStatus: r.code === 0 ? "pass" : "fail", peerSays: said, warnAs: "pass" });
  }
  return { note: `opendkim-testkey (opendkim-tools 2.11): ${lab.dkimKeys.length} keys, libunbound forwarding to the lab`, comparisons };
}

const MTASTS_IDS = ["mtasts.record", "mtasts.policy_fetch", "mtasts.policy_syntax"];

export async function mtaSts(lab: CompareLab, ours: Verdicts, scratch: string): Promise<PeerRun | string> {
  const missing = missingTool("/usr/lib/python3/dist-packages/postfix_mta_sts_resolver/resolver.py", "postfix-mta-sts-resolver");
  if (missing) return missing;
  const ca = join(scratch, "email-root.pem");
  writeFileSync(ca, lab.pki.rootPem);
  // No proxy from the environment: the resolver would send its fetch there.
  const r = await runChild([PYTHON, join(HERE, "mta_sts.py"), lab.knot.host, String(lab.knot.port), String(lab.policyPort), ca, ...lab.emailTargets], { PATH: process.env["PATH"] ?? "" }, 180_000);
  const comparisons: Comparison[] = [];
  for (const line of jsonLines(r.stdout)) {
    const domain = String(line["domain"]);
    const result = String(line["result"]);
    const policy = line["policy"];
    const mode = typeof policy === "object" && policy !== null ? Reflect.get(policy, "mode") : undefined;
    const worst = worstOf(ours.get(domain), MTASTS_IDS);
    // VALID: a policy senders will apply; NONE: no (single, valid) record; FETCH_ERROR: the policy is unusable.
    const peerStatus: PeerStatus | undefined = result === "VALID" ? "pass" : result === "NONE" || result === "FETCH_ERROR" ? "fail" : undefined;
    comparisons.push({ peer: "mta-sts-query", target: domain, check: MTASTS_IDS.join("+"), ours: worst.status, oursSays: worst.says, peerStatus, peerSays: `${result}${typeof mode === "string" ? ` (mode ${mode})` : ""}`, warnAs: "fail" });
  }
  return { note: `mta-sts-query's resolver (postfix-mta-sts-resolver 1.1): ${lab.emailTargets.length} domains`, comparisons };
}
