/**
 * Where a connection for `host:port` really goes: `--connect-to` rules first, then the injected DNS client (A, then
 * AAAA). Never the system resolver: the machine's resolver may point anywhere, and pre-production scans rely on the
 * answer coming from the resolver the user named.
 */
import { isIP } from "node:net";
import type { DnsClient } from "../types";
import { resolveConnectTo, type ConnectToRule } from "./connect-to";

export type DialTarget =
  | { readonly kind: "ok"; readonly address: string; readonly port: number; readonly via: string }
  | { readonly kind: "error"; readonly reason: string };

export async function dialTarget(rules: readonly ConnectToRule[], dns: DnsClient, host: string, port: number): Promise<DialTarget> {
  const target = resolveConnectTo(rules, host, port);
  const via = target.rule ? ` (via --connect-to ${target.rule.source})` : "";
  if (isIP(target.host) !== 0) return { kind: "ok", address: target.host, port: target.port, via };
  const a = await dns.query(target.host, "A");
  if (a.kind === "answer" && a.records[0] !== undefined) return { kind: "ok", address: a.records[0], port: target.port, via };
  if (a.kind === "error") return { kind: "error", reason: `DNS A lookup for ${target.host} failed: ${a.reason}${via}` };
  const aaaa = await dns.query(target.host, "AAAA");
  if (aaaa.kind === "answer" && aaaa.records[0] !== undefined) return { kind: "ok", address: aaaa.records[0], port: target.port, via };
  if (aaaa.kind === "error") return { kind: "error", reason: `DNS AAAA lookup for ${target.host} failed: ${aaaa.reason}${via}` };
  return { kind: "error", reason: `${target.host} has no A or AAAA record${via}` };
}
