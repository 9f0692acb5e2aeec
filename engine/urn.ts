/**
 * Pulumi URNs: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, where the qualified type is the parent's
 * qualified type, `$`, then the resource's own type (no parent part under the stack itself). Pulumi docs:
 * https://www.pulumi.com/docs/iac/concepts/resources/names/#urns
 */
export interface AliasSpec {
  /** Empty means unchanged. */
  readonly name: string;
  readonly type: string;
  readonly stack: string;
  readonly project: string;
  /** The old parent's URN; empty: unchanged; null: it had no parent. */
  readonly parentUrn: string | null;
}

export interface ParsedUrn {
  readonly stack: string;
  readonly project: string;
  /** Parent types then the resource's own, e.g. `["launch-ready:index:Domain", "launch-ready:edge:ZoneSettings"]`. */
  readonly typeChain: readonly string[];
  readonly name: string;
}

export function parseUrn(urn: string): ParsedUrn {
  const m = /^urn:pulumi:([^:]*)::([^:]*)::(.*?)::(.*)$/s.exec(urn);
  if (m === null) throw new Error(`'${urn}' is not a Pulumi URN`);
  return { stack: m[1] ?? "", project: m[2] ?? "", typeChain: (m[3] ?? "").split("$"), name: m[4] ?? "" };
}

/** The URN an alias spec names: the resource's URN with what the spec says changed put back. */
export function aliasUrn(urn: string, spec: AliasSpec): string {
  const cur = parseUrn(urn);
  const type = spec.type !== "" ? spec.type : (cur.typeChain[cur.typeChain.length - 1] ?? "");
  const parentChain = spec.parentUrn === null ? [] : spec.parentUrn !== "" ? qualifiedParentChain(spec.parentUrn) : cur.typeChain.slice(0, -1);
  const stack = spec.stack !== "" ? spec.stack : cur.stack;
  const project = spec.project !== "" ? spec.project : cur.project;
  const name = spec.name !== "" ? spec.name : cur.name;
  return `urn:pulumi:${stack}::${project}::${[...parentChain, type].join("$")}::${name}`;
}

/** The type chain a child of `parentUrn` carries; children of the stack itself carry none. */
function qualifiedParentChain(parentUrn: string): readonly string[] {
  const p = parseUrn(parentUrn);
  return p.typeChain.length === 1 && p.typeChain[0] === "pulumi:pulumi:Stack" ? [] : p.typeChain;
}
