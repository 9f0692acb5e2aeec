import { normalizeName, type Lookup, type MxAnswer } from "../lookup";
import { findAll, isSpfRecord, parseSpf } from "./parse";
import type { SpfRecord } from "./types";

/** RFC 7208 §4.6.4 limits. */
export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LOOKUP_LIMIT = 2;
export const SPF_MX_ADDRESS_LIMIT = 10;
/** Stop fetching after this many records: the verdict (> 10) is already certain and a hostile tree stays bounded. */
export const SPF_WALK_BUDGET = 40;

/** The DNS the evaluator needs; injected, so the same code runs against the lab, a fake or a real resolver. */
export interface SpfDns {
  txt(name: string): Promise<Lookup<string>>;
  mx(name: string): Promise<Lookup<MxAnswer>>;
  a(name: string): Promise<Lookup<string>>;
  aaaa(name: string): Promise<Lookup<string>>;
}

export type SpfNodeStatus =
  | "ok" // one valid record
  | "invalid" // one record with syntax errors (permerror)
  | "none" // no SPF record (permerror when reached by include or redirect)
  | "multiple" // several SPF records (permerror)
  | "error" // the TXT lookup failed (temperror): undecided
  | "loop" // the name is already being evaluated higher in the chain
  | "macro" // the target has macros: needs the sender's IP, not followed
  | "budget"; // not fetched: the walk budget was spent

export interface SpfTreeNode {
  readonly domain: string;
  readonly via: "root" | "include" | "redirect";
  readonly status: SpfNodeStatus;
  readonly records: readonly string[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** DNS-querying terms in this record (include, a, mx, ptr, exists, redirect when it applies). */
  readonly lookups: number;
  /** `lookups` plus every descendant's. */
  readonly totalLookups: number;
  readonly children: readonly SpfTreeNode[];
}

export interface SpfVoidLookup {
  readonly domain: string;
  readonly term: string;
  readonly name: string;
  readonly reason: string;
}

export interface SpfMxTerm {
  readonly domain: string;
  readonly term: string;
  readonly name: string;
  /** MX targets: each costs one address lookup. */
  readonly exchanges: readonly string[];
}

export interface SpfDnsError {
  readonly name: string;
  readonly type: "TXT" | "MX" | "A" | "AAAA";
  readonly reason: string;
}

export interface SpfEvaluation {
  readonly tree: SpfTreeNode;
  /** Total DNS-querying terms over the whole tree (RFC 7208 §4.6.4: at most 10). */
  readonly lookups: number;
  readonly voidLookups: readonly SpfVoidLookup[];
  readonly mxTerms: readonly SpfMxTerm[];
  /** Each cycle as the chain of names, ending in the repeated one. */
  readonly loops: readonly (readonly string[])[];
  /** Lookups that failed (timeout, SERVFAIL): the counts are then lower bounds. */
  readonly errors: readonly SpfDnsError[];
  /** Permerrors below the root: missing or multiple records at include targets, syntax errors there. */
  readonly permerrors: readonly string[];
  /** Names not followed because they contain macros (need the sender's IP). */
  readonly macroTerms: readonly string[];
  /** True when the walk stopped early because its budget was spent. */
  readonly truncated: boolean;
  /** The effective `all` of the root: its own, or the one reached through `redirect`. */
  readonly all?: { readonly qualifier: "+" | "-" | "~" | "?"; readonly explicitQualifier: boolean; readonly domain: string };
}

interface WalkState {
  lookups: number;
  fetched: number;
  truncated: boolean;
  readonly voids: SpfVoidLookup[];
  readonly mxTerms: SpfMxTerm[];
  readonly loops: string[][];
  readonly errors: SpfDnsError[];
  readonly permerrors: string[];
  readonly macroTerms: string[];
}

/** Picks the SPF records out of a TXT answer (RFC 7208 §4.5). */
export function selectSpfRecords(txts: readonly string[]): string[] {
  return txts.filter(isSpfRecord);
}

function targetName(spec: string | undefined, current: string): string {
  return normalizeName(spec ?? current);
}

/**
 * Walks the whole include/redirect tree the way a receiver could (every branch, not only the one a given
 * sender IP would take) and counts what RFC 7208 §4.6.4 limits. A DNS error is recorded, never read as absent.
 */
export async function evaluateSpf(domain: string, dns: SpfDns): Promise<SpfEvaluation> {
  const state: WalkState = { lookups: 0, fetched: 0, truncated: false, voids: [], mxTerms: [], loops: [], errors: [], permerrors: [], macroTerms: [] };
  const root = normalizeName(domain);
  const walked = await walk(root, "root", [], dns, state);
  return {
    tree: walked.node,
    lookups: state.lookups,
    voidLookups: state.voids,
    mxTerms: state.mxTerms,
    loops: state.loops,
    errors: state.errors,
    permerrors: state.permerrors,
    macroTerms: state.macroTerms,
    truncated: state.truncated,
    ...(walked.all ? { all: walked.all } : {}),
  };
}

type EffectiveAll = NonNullable<SpfEvaluation["all"]>;

function leaf(domain: string, via: SpfTreeNode["via"], status: SpfNodeStatus, records: readonly string[], errors: readonly string[] = []): SpfTreeNode {
  return { domain, via, status, records, errors, warnings: [], lookups: 0, totalLookups: 0, children: [] };
}

async function walk(
  domain: string,
  via: SpfTreeNode["via"],
  chain: readonly string[],
  dns: SpfDns,
  state: WalkState,
): Promise<{ node: SpfTreeNode; all?: EffectiveAll }> {
  if (domain.includes("%")) {
    state.macroTerms.push(domain);
    return { node: leaf(domain, via, "macro", []) };
  }
  if (chain.includes(domain)) {
    state.loops.push([...chain, domain]);
    return { node: leaf(domain, via, "loop", [], [`${domain} is already being evaluated: ${[...chain, domain].join(" → ")}`]) };
  }
  if (state.fetched >= SPF_WALK_BUDGET) {
    state.truncated = true;
    return { node: leaf(domain, via, "budget", []) };
  }
  state.fetched += 1;

  const answer = await dns.txt(domain);
  if (answer.kind === "error") {
    state.errors.push({ name: domain, type: "TXT", reason: answer.reason });
    return { node: leaf(domain, via, "error", [], [`TXT lookup failed: ${answer.reason}`]) };
  }
  const records = answer.kind === "answer" ? selectSpfRecords(answer.records) : [];
  if (records.length === 0) {
    if (via !== "root") {
      // RFC 7208 §5.2 / §6.1: an include or redirect target without SPF is a permerror.
      state.permerrors.push(`${via} target ${domain} has no SPF record`);
      if (answer.kind === "absent") state.voids.push({ domain: chain[chain.length - 1] ?? domain, term: `${via}:${domain}`, name: domain, reason: answer.reason });
    }
    return { node: leaf(domain, via, "none", []) };
  }
  if (records.length > 1) {
    if (via !== "root") state.permerrors.push(`${via} target ${domain} has ${records.length} SPF records`);
    return { node: leaf(domain, via, "multiple", records, [`${records.length} SPF records (permerror, RFC 7208 §4.5)`]) };
  }
  const text = records[0] ?? "";
  const parsed = parseSpf(text);
  if (via !== "root" && parsed.errors.length > 0) state.permerrors.push(...parsed.errors.map((e) => `${domain}: ${e}`));
  const { lookups, children, all } = await walkTerms(domain, parsed.record, [...chain, domain], dns, state);
  const status: SpfNodeStatus = parsed.errors.length > 0 ? "invalid" : "ok";
  const node: SpfTreeNode = {
    domain,
    via,
    status,
    records,
    errors: parsed.errors,
    warnings: parsed.warnings,
    lookups,
    totalLookups: lookups + children.reduce((sum, c) => sum + c.totalLookups, 0),
    children,
  };
  return all ? { node, all } : { node };
}

async function walkTerms(
  domain: string,
  record: SpfRecord,
  chain: readonly string[],
  dns: SpfDns,
  state: WalkState,
): Promise<{ lookups: number; children: SpfTreeNode[]; all?: EffectiveAll }> {
  let lookups = 0;
  const children: SpfTreeNode[] = [];
  const count = (): void => {
    lookups += 1;
    state.lookups += 1;
  };
  for (const term of record.terms) {
    if (term.type !== "directive") continue;
    const mech = term.mechanism;
    switch (mech.kind) {
      case "include": {
        count();
        children.push((await walk(targetName(mech.domain, domain), "include", chain, dns, state)).node);
        break;
      }
      case "a": {
        count();
        const name = targetName(mech.domain, domain);
        if (name.includes("%")) {
          state.macroTerms.push(term.raw);
          break;
        }
        const [v4, v6] = await Promise.all([dns.a(name), dns.aaaa(name)]);
        noteVoidOrError(domain, term.raw, name, [["A", v4], ["AAAA", v6]], state);
        break;
      }
      case "mx": {
        count();
        const name = targetName(mech.domain, domain);
        if (name.includes("%")) {
          state.macroTerms.push(term.raw);
          break;
        }
        const mx = await dns.mx(name);
        noteVoidOrError(domain, term.raw, name, [["MX", mx]], state);
        if (mx.kind === "answer") {
          // A null MX ("0 .") names no host to look up (RFC 7505).
          const exchanges = mx.records.map((r) => normalizeName(r.exchange)).filter((e) => e !== "");
          state.mxTerms.push({ domain, term: term.raw, name, exchanges });
        }
        break;
      }
      case "ptr":
        // Needs the sender's IP to query; it still counts (RFC 7208 §4.6.4) and is discouraged (§5.5).
        count();
        break;
      case "exists": {
        count();
        const name = targetName(mech.domain, domain);
        if (name.includes("%")) {
          state.macroTerms.push(term.raw);
          break;
        }
        noteVoidOrError(domain, term.raw, name, [["A", await dns.a(name)]], state);
        break;
      }
      case "all":
      case "ip4":
      case "ip6":
        break;
    }
  }
  const ownAll = findAll(record.terms);
  if (ownAll) {
    return { lookups, children, all: { qualifier: ownAll.qualifier, explicitQualifier: ownAll.explicitQualifier, domain } };
  }
  if (record.redirect !== undefined) {
    // RFC 7208 §6.1: redirect applies only when no `all` is present, and it counts as a lookup.
    count();
    const walked = await walk(targetName(record.redirect, domain), "redirect", chain, dns, state);
    children.push(walked.node);
    return walked.all ? { lookups, children, all: walked.all } : { lookups, children };
  }
  return { lookups, children };
}

function noteVoidOrError(
  domain: string,
  term: string,
  name: string,
  answers: readonly (readonly ["TXT" | "MX" | "A" | "AAAA", Lookup<unknown>])[],
  state: WalkState,
): void {
  if (answers.some(([, a]) => a.kind === "answer" && a.records.length > 0)) return;
  const failed = answers.filter(([, a]) => a.kind === "error");
  if (failed.length > 0) {
    for (const [type, a] of failed) if (a.kind === "error") state.errors.push({ name, type, reason: a.reason });
    return;
  }
  const first = answers[0]?.[1];
  const reason = first && first.kind === "absent" ? first.reason : "NODATA";
  state.voids.push({ domain, term, name, reason });
}
