/**
 * Writes what adoption needs into a stack file's domains (`cloudflare.zoneId`, `adoptRecords`, `rulesetIds`)
 * through the `yaml` Document API, so every comment, the key order and the rest of the file stay as they were.
 * It refuses to drop or change what the file already declares (another zone id, an adopted record or ruleset that
 * is not live any more) unless forced: that is a file the command did not expect.
 */
import { isMap, isSeq, parseDocument, type Document, YAMLMap, type YAMLSeq } from "yaml";
import type { AdoptedRecordSpec, CloudflareSpec } from "../../core/spec";
import type { AdoptablePhase } from "../../core/adopt/entrypoints";

export interface DomainEdit {
  /** The domain's index in `launch-ready:domains`. */
  readonly index: number;
  readonly zoneId: string;
  readonly adoptRecords: readonly AdoptedRecordSpec[];
  /** A comment line above each entry (same order): what the adoption does to the record. */
  readonly notes: readonly string[];
  readonly rulesetIds: Readonly<Partial<Record<AdoptablePhase, string>>>;
  /** Phases the stack plans: a planned phase without a live entrypoint loses a stale id. */
  readonly plannedPhases: readonly AdoptablePhase[];
  /** What the file declares today (its validated `cloudflare` section). */
  readonly current: Pick<CloudflareSpec, "zoneId" | "adoptRecords" | "rulesetIds" | "imported">;
}

export interface StackEdit {
  readonly text: string;
  /** What the file declares that the edit would drop or change: refused without --force. */
  readonly unexpected: readonly { readonly path: string; readonly message: string }[];
  readonly changed: boolean;
}

const DOMAINS = ["config", "launch-ready:domains"] as const;

export function editStackFile(text: string, edits: readonly DomainEdit[]): StackEdit {
  const doc = parseDocument(text);
  const unexpected: { path: string; message: string }[] = [];
  for (const e of edits) {
    unexpected.push(...surprises(e));
    const domain = doc.getIn([...DOMAINS, e.index], true);
    if (!isMap(domain)) throw new Error(`launch-ready:domains[${e.index}] is not a mapping in the stack file`);
    const cf = ensureMap(doc, domain, "cloudflare");
    cf.set("zoneId", e.zoneId);
    if (e.adoptRecords.length > 0 || cf.has("adoptRecords")) cf.set("adoptRecords", recordsNode(doc, e));
    const rulesets = cf.get("rulesetIds", true);
    const hadRulesets = isMap(rulesets);
    if (Object.keys(e.rulesetIds).length > 0 || hadRulesets) {
      const map = ensureMap(doc, cf, "rulesetIds");
      for (const phase of e.plannedPhases) {
        const id = e.rulesetIds[phase];
        if (id !== undefined) map.set(phase, id);
        else map.delete(phase);
      }
      if (map.items.length === 0) cf.delete("rulesetIds");
    }
    // Something new to import: this up is an import step again (runbooks/dns-adoption.md).
    if (e.current.imported === true && newlyAdopted(e)) cf.set("imported", false);
  }
  // The options under which every committed stack file prints back byte for byte: no padding inside `[a, b]`, no
  // folding of long values.
  const out = doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  return { text: out, unexpected, changed: out !== text };
}

function ensureMap(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const node = parent.get(key, true);
  if (isMap(node)) return node;
  const created = new YAMLMap(doc.schema);
  parent.set(key, created);
  return created;
}

function recordsNode(doc: Document, e: DomainEdit): YAMLSeq {
  const seq: unknown = doc.createNode(e.adoptRecords.map((r) => ({ ...r })));
  if (!isSeq(seq)) throw new Error("adoptRecords did not become a YAML sequence");
  seq.items.forEach((item, i) => {
    const note = e.notes[i];
    if (note !== undefined && isMap(item)) item.commentBefore = ` ${note}`;
  });
  return seq;
}

function newlyAdopted(e: DomainEdit): boolean {
  const had = new Set(e.current.adoptRecords.map((r) => r.id));
  const hadRulesets = new Set(Object.values(e.current.rulesetIds));
  return e.adoptRecords.some((r) => !had.has(r.id)) || Object.values(e.rulesetIds).some((id) => !hadRulesets.has(id));
}

function surprises(e: DomainEdit): { path: string; message: string }[] {
  const at = (p: string) => `launch-ready:domains[${e.index}].cloudflare.${p}`;
  const out: { path: string; message: string }[] = [];
  if (e.current.zoneId !== undefined && e.current.zoneId !== e.zoneId) {
    out.push({ path: at("zoneId"), message: `is ${e.current.zoneId}, but the zone read from Cloudflare is ${e.zoneId}` });
  }
  const next = new Set(e.adoptRecords.map((r) => r.id));
  e.current.adoptRecords.forEach((r, i) => {
    if (!next.has(r.id)) out.push({ path: at(`adoptRecords[${i}]`), message: `adopts ${r.name} ${r.type} ${r.id}, which the live zone no longer matches to a planned record: the rewrite would drop it` });
  });
  for (const phase of e.plannedPhases) {
    const had = e.current.rulesetIds[phase];
    if (had !== undefined && had !== e.rulesetIds[phase]) {
      out.push({ path: at(`rulesetIds.${phase}`), message: `is ${had}, but the zone's live ${phase} entrypoint is ${e.rulesetIds[phase] ?? "absent"}` });
    }
  }
  return out;
}
