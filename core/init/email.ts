/**
 * The `email` section and the MX records from what the domain publishes: the senders its SPF names (with the DKIM
 * selectors found), the DMARC `rua` in use, the live MX kept as they are. What the live records get wrong is
 * replaced by the stack's fix, and the comment names the check it fixes.
 */
import { isDmarcRecord, parseDmarc } from "../email/dmarc";
import { isSpfRecord } from "../email/spf";
import { SENDERS, type KnownSender } from "../email/build/senders";

/** RFC 7208 §4.6.4: at most 10 DNS-querying terms in an SPF evaluation. */
const SPF_LOOKUP_LIMIT = 10;
import { at, type ConfigPath, type Inferred, type ValueComment } from "./annotated";
import { dkimFindings, type DkimEntry } from "./dkim";
import type { DomainObservations, SeenMx } from "./observed";
import { sendersFromSpf } from "./senders";

/** The selectors each provider signs with by default. */
const PROVIDER_SELECTORS: Readonly<Partial<Record<KnownSender, readonly string[]>>> = {
  "google-workspace": ["google"],
  "microsoft-365": ["selector1", "selector2"],
  sendgrid: ["s1", "s2"],
};

/** MX hosts that are a mailbox provider's, which then also sends the people's mail. */
function mailboxProviderOf(host: string): KnownSender | undefined {
  if (/(^|\.)google\.com$|(^|\.)googlemail\.com$/.test(host)) return "google-workspace";
  if (/\.mail\.protection\.outlook\.com$/.test(host)) return "microsoft-365";
  return undefined;
}

export interface EmailOut {
  readonly email?: Record<string, unknown>;
  readonly mx: readonly { readonly name: string; readonly type: "MX"; readonly content: string; readonly priority: number }[];
}

function dkimValue(e: DkimEntry): Record<string, string> {
  return "target" in e ? { selector: e.selector, target: e.target } : { selector: e.selector, publicKey: e.publicKey };
}

export function inferEmail(obs: DomainObservations, domainPath: ConfigPath, firstMxIndex: number): Inferred<EmailOut> {
  const comments: ValueComment[] = [];
  const notes: string[] = [];
  const d = obs.domain;
  const emailPath = at(domainPath, "email");
  const mxSeen: readonly SeenMx[] = obs.mx.kind === "found" ? obs.mx.records : [];
  const nullMx = mxSeen.some((m) => m.exchange === "" || m.exchange === ".");
  const realMx = mxSeen.filter((m) => m.exchange !== "" && m.exchange !== ".");
  const spfRecords = obs.txt.kind === "found" ? obs.txt.records.filter(isSpfRecord) : [];

  // MX: kept exactly as live (they work, or the mail would not arrive); a null MX is the parked form, below.
  const mx = realMx.map((m) => ({ name: d, type: "MX" as const, content: m.exchange.replace(/\.$/, ""), priority: m.preference }));
  mx.forEach((m, i) => comments.push({ path: at(domainPath, "dns", "records", firstMxIndex + i), text: `seen: MX ${m.priority} ${m.content} (kept as it is)` }));

  const spf = spfRecords.map(sendersFromSpf);
  if (spfRecords.length > 1) notes.push(`${d} publishes ${spfRecords.length} SPF records (receivers reject all of them); the stack publishes one with the senders of all (fixes spf.record)`);
  const providers = [...new Map(spf.flatMap((s) => s.providers).map((p) => [p.provider, p.term])).entries()];
  const customIncludes = [...new Set(spf.flatMap((s) => s.customIncludes))];
  const ip4 = [...new Set(spf.flatMap((s) => s.ip4))];
  const ip6 = [...new Set(spf.flatMap((s) => s.ip6))];
  for (const t of spf.flatMap((s) => s.uncarried)) notes.push(`SPF term \`${t}\` is not carried over: the stack's senders take includes, ip4 and ip6; add what it stands for under a custom sender`);

  const senders = spf.flatMap((s) => s.providers).length + customIncludes.length + ip4.length + ip6.length;
  const parkedLive = nullMx || (spfRecords.length > 0 && senders === 0 && realMx.length === 0);
  if (parkedLive || (spfRecords.length === 0 && realMx.length === 0)) {
    const why = nullMx ? "seen: null MX (the domain takes no mail)" : spfRecords.length > 0 ? `seen: SPF \`${spfRecords[0] ?? ""}\` authorises no sender and no MX` : "seen: no SPF record and no MX: the domain neither sends nor receives mail";
    comments.push({ path: at(emailPath, "senders"), text: `${why}; parked: null MX, v=spf1 -all, DMARC reject (fixes spf.parked, mx.null, dmarc.record)` });
    return { value: { email: { senders: [] }, mx: [] }, comments, notes };
  }
  // No SPF at all, but mail arrives at a mailbox provider: that provider sends the people's mail. (With an SPF record
  // that leaves it out, the live record is what is kept.)
  if (spfRecords.length === 0) {
    for (const m of realMx) {
      const p = mailboxProviderOf(m.exchange.replace(/\.$/, ""));
      if (p !== undefined && !providers.some(([k]) => k === p)) providers.push([p, `MX ${m.exchange}`]);
    }
  }
  // The stack refuses senders whose includes need more than 10 DNS lookups: every receiver fails such a record
  // already (permerror), so the senders past the budget are named, not written.
  let budget = SPF_LOOKUP_LIMIT - customIncludes.length;
  for (const [p, term] of [...providers]) {
    const cost = SENDERS[p].lookups;
    if (cost <= budget) budget -= cost;
    else {
      providers.splice(providers.findIndex(([k]) => k === p), 1);
      notes.push(`${SENDERS[p].label} (${term}) is not carried over: with it the SPF record needs more than ${SPF_LOOKUP_LIMIT} DNS lookups, which every receiver fails (spf.lookups). Move it to a subdomain with its own SPF (e.g. mail.${d}), or drop another sender, then add it to email.senders`);
    }
  }
  if (providers.length === 0 && customIncludes.length === 0 && ip4.length === 0 && ip6.length === 0) {
    notes.push(`cannot tell who sends mail as ${d}: it has MX records but no SPF record naming a sender; the email section is left out: add \`email.senders\` (spf.record and dmarc.record stay failing until then)`);
    return { value: { mx }, comments, notes };
  }

  const found = dkimFindings(d, obs.dkim);
  notes.push(...found.notes);
  const claimed = new Set<string>();
  const take = (p: KnownSender): DkimEntry[] => {
    const own = PROVIDER_SELECTORS[p] ?? [];
    const mine = found.entries.filter((e) => own.includes(e.selector) && !claimed.has(e.selector));
    mine.forEach((e) => claimed.add(e.selector));
    return mine;
  };
  const out: unknown[] = [];
  const senderPath = (i: number, ...rest: (string | number)[]) => at(emailPath, "senders", i, ...rest);
  for (const [p, term] of providers) {
    const i = out.length;
    const source = term.startsWith("MX ") ? `seen: ${term} (no SPF include names it)` : `seen: SPF ${term}`;
    const keys = take(p);
    if (p === "google-workspace") {
      const key = keys.find((e) => "publicKey" in e);
      if (key && "publicKey" in key) {
        out.push({ provider: p, dkim: { selector: key.selector, publicKey: key.publicKey } });
        comments.push({ path: senderPath(i, "dkim"), text: key.seen });
      } else {
        out.push(p);
        notes.push(`no Google DKIM key found at google._domainkey.${d}: generate one in the Admin console and add it under the google-workspace sender (fixes dkim.selector)`);
      }
    } else if (p === "microsoft-365") {
      const tenant = keys.map((e) => ("target" in e ? /^selector[12]-[a-z0-9-]+\._domainkey\.([a-z0-9-]+\.onmicrosoft\.com)$/.exec(e.target)?.[1] : undefined)).find((t) => t !== undefined);
      if (tenant !== undefined) {
        out.push({ provider: p, tenant });
        comments.push({ path: senderPath(i, "tenant"), text: `seen: ${keys.map((e) => e.seen.replace(/^seen: /, "")).join(", ")}` });
      } else if (keys.length > 0) {
        out.push({ provider: p, dkim: keys.map(dkimValue) });
        keys.forEach((k, j) => comments.push({ path: senderPath(i, "dkim", j), text: k.seen }));
      } else out.push(p);
    } else if (p === "amazon-ses") {
      out.push(p);
      notes.push("Amazon SES: the stack makes the SES identity, its Easy DKIM CNAMEs and the MAIL FROM subdomain; SPF then aligns through MAIL FROM, so `include:amazonses.com` leaves the apex record");
    } else {
      out.push({ provider: p, dkim: keys.map(dkimValue) });
      keys.forEach((k, j) => comments.push({ path: senderPath(i, "dkim", j), text: k.seen }));
    }
    comments.push({ path: senderPath(i), text: source });
  }
  const rest = found.entries.filter((e) => !claimed.has(e.selector));
  if (customIncludes.length > 0 || ip4.length > 0 || ip6.length > 0 || rest.length > 0) {
    const i = out.length;
    out.push({ custom: { name: "existing-senders", include: customIncludes, ip4, ip6, dkim: rest.map(dkimValue) } });
    const seen = [...customIncludes.map((x) => `include:${x}`), ...ip4.map((x) => `ip4:${x}`), ...ip6.map((x) => `ip6:${x}`)];
    comments.push({ path: senderPath(i), text: seen.length > 0 ? `seen: SPF ${seen.join(" ")} (not a provider the toolkit knows)` : "seen: DKIM selectors no SPF sender claims" });
    rest.forEach((k, j) => comments.push({ path: senderPath(i, "custom", "dkim", j), text: `${k.seen}; move it under the sender that signs with it` }));
    if (customIncludes.length > 0) notes.push(`custom sender includes (${customIncludes.join(", ")}): their nested DNS lookups are unknown offline; \`launch-ready audit\` measures spf.lookups live, or set custom.nestedLookups`);
  }
  const email: Record<string, unknown> = { senders: out };
  const liveAll = spf.length === 1 ? spf[0]?.hardFail : undefined;
  if (liveAll === true) {
    email["spfAll"] = "fail";
    comments.push({ path: at(emailPath, "spfAll"), text: "seen: SPF ends -all (kept)" });
  }
  if (spfRecords.length === 0) comments.push({ path: at(emailPath, "senders"), text: "no SPF record seen: the stack publishes one for these senders (fixes spf.record)" });

  // DMARC: the policy and rua in use, the checklist's where they fall short.
  const dmarcRecords = obs.dmarc.kind === "found" ? obs.dmarc.records.filter(isDmarcRecord) : [];
  const live = dmarcRecords.length === 1 && dmarcRecords[0] !== undefined ? parseDmarc(dmarcRecords[0]) : undefined;
  const dmarc: Record<string, unknown> = {};
  const p = live?.record.p;
  if (p === "quarantine" || p === "reject") {
    dmarc["policy"] = p;
    comments.push({ path: at(emailPath, "dmarc", "policy"), text: `seen: _dmarc p=${p} (kept)` });
  } else {
    dmarc["policy"] = "quarantine";
    comments.push({ path: at(emailPath, "dmarc", "policy"), text: live === undefined ? `no usable DMARC record seen${dmarcRecords.length > 1 ? ` (${dmarcRecords.length} records)` : ""}: fixes dmarc.record, dmarc.policy` : `seen: _dmarc p=${p ?? "(none)"}; fixes dmarc.policy` });
  }
  const rua = (live?.record.rua ?? []).map((u) => u.uri).filter((u) => /^mailto:[^@\s,!]+@[^@\s,!]+$/.test(u));
  if (rua.length > 0) {
    dmarc["rua"] = rua;
    comments.push({ path: at(emailPath, "dmarc", "rua"), text: `seen: _dmarc rua=${rua.join(",")} (kept)` });
  } else {
    dmarc["rua"] = [`mailto:dmarc@${d}`];
    comments.push({ path: at(emailPath, "dmarc", "rua"), text: `no mailto: rua seen: fixes dmarc.rua; make sure this mailbox exists, or change it` });
  }
  email["dmarc"] = dmarc;
  if (mx.length > 0) {
    email["mtaSts"] = { mode: "testing" };
    comments.push({ path: at(emailPath, "mtaSts"), text: "fixes mtasts.record, tlsrpt.record: MTA-STS starts in testing (reports only); move to enforce once the TLS reports are clean" });
  }
  return { value: { email, mx }, comments, notes };
}
