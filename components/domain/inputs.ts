import * as pulumi from "@pulumi/pulumi";
import type { DomainArgs, DomainWebArgs } from "./args";

/**
 * Args values that may come from other resources. Validation and planning are pure and need plain values, so each
 * one that is not a plain string is set aside, and a stand-in takes its place until the resources are registered:
 * a zone id is simply left out (validation then treats the zone as looked up), an origin becomes a reserved host
 * name (RFC 6761 §6.4: `.invalid` never resolves) that the records replace with the real output.
 */
export interface DeferredInputs {
  /** `cloudflare.zoneId` when it is an output or a promise. */
  readonly zoneId?: pulumi.Input<string>;
  /** Stand-in host name → the origin output it stands for. */
  readonly origins: ReadonlyMap<string, pulumi.Input<string>>;
}

export const ORIGIN_STAND_IN_SUFFIX = ".origin.launch-ready.invalid";

export function deferInputs(args: DomainArgs): { readonly plain: DomainArgs; readonly deferred: DeferredInputs } {
  const origins = new Map<string, pulumi.Input<string>>();
  const standIn = (v: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined => {
    if (v === undefined || typeof v === "string") return v;
    const name = `o${origins.size}${ORIGIN_STAND_IN_SUFFIX}`;
    origins.set(name, v);
    return name;
  };
  const zoneId = args.cloudflare?.zoneId;
  const deferZone = zoneId !== undefined && typeof zoneId !== "string";
  let cloudflare = args.cloudflare;
  if (deferZone && cloudflare !== undefined) {
    const { zoneId: _deferred, ...rest } = cloudflare;
    cloudflare = rest;
  }
  const web: DomainWebArgs | undefined =
    args.web === undefined
      ? undefined
      : {
          ...args.web,
          ...(args.web.origin !== undefined ? { origin: standIn(args.web.origin) } : {}),
          ...(args.web.hosts !== undefined ? { hosts: args.web.hosts.map((h) => ({ ...h, ...(h.origin !== undefined ? { origin: standIn(h.origin) } : {}) })) } : {}),
        };
  const plain: DomainArgs = { ...args, ...(cloudflare !== undefined ? { cloudflare } : {}), ...(web !== undefined ? { web } : {}) };
  return { plain, deferred: { ...(deferZone ? { zoneId } : {}), origins } };
}
