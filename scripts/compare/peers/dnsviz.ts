/**
 * dnsviz (Debian) on the DNS lab's DNSSEC zones: `probe` through the lab's validating unbound as its only recursive
 * server (`-s`; with `-A` it would walk from the real root servers, off loopback), with the ancestry stopped at
 * `test.` (`-a test`), then `grok` with the lab's `test.` DS as trust anchor. Its per-zone delegation status
 * (SECURE / INSECURE / BOGUS) and any error on the zone's RRsets give its verdict.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CompareLab, Verdicts } from "../lab";
import { DNSSEC_ZONES } from "../lab";
import { runChild } from "../run-child";
import type { Comparison, PeerStatus } from "../table";
import type { PeerRun } from "./email";

/** Walks a grok document: every `errors` entry's code, and RRSIG/proof statuses other than VALID. */
function problems(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) problems(n, out);
  } else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "errors" && Array.isArray(v)) {
        for (const e of v) {
          const code: unknown = typeof e === "object" && e !== null ? Reflect.get(e, "code") : undefined;
          out.push(typeof code === "string" ? code : "error");
        }
      } else if (k === "status" && typeof v === "string" && ["BOGUS", "INVALID", "EXPIRED", "PREMATURE", "INDETERMINATE_NO_DNSKEY"].includes(v)) {
        out.push(v);
      } else {
        problems(v, out);
      }
    }
  }
  return out;
}

/** dnsviz's verdict on one zone of a grok document. */
export function dnsvizZoneStatus(grok: unknown, zone: string): { status: PeerStatus | undefined; says: string } {
  const z: unknown = typeof grok === "object" && grok !== null ? Reflect.get(grok, `${zone}.`) : undefined;
  if (typeof z !== "object" || z === null) return { status: undefined, says: "zone not in dnsviz's output" };
  const delegation: unknown = Reflect.get(z, "delegation");
  const status: unknown = typeof delegation === "object" && delegation !== null ? Reflect.get(delegation, "status") : undefined;
  // The delegation's own status is the verdict below; everything else under the zone is evidence of a problem.
  const rest = Object.fromEntries(Object.entries(z).filter(([k]) => k !== "delegation"));
  const delegationErrors: unknown = typeof delegation === "object" && delegation !== null ? Reflect.get(delegation, "errors") : undefined;
  const found = [...new Set([...problems({ errors: delegationErrors }), ...problems(rest)])];
  const says = `${typeof status === "string" ? status : "no delegation status"}${found.length > 0 ? `; ${found.join(", ")}` : ""}`;
  if (status === "BOGUS" || found.length > 0) return { status: "fail", says };
  if (status === "SECURE") return { status: "pass", says };
  if (status === "INSECURE") return { status: "warn", says };
  return { status: undefined, says };
}

export async function dnsviz(lab: CompareLab, ours: Verdicts, scratch: string): Promise<PeerRun | string> {
  if (!existsSync("/usr/bin/dnsviz")) return "dnsviz not installed: apt-get install dnsviz";
  if (!lab.dns.resolverAddress) return "dnsviz needs the lab's validating resolver";
  const zones = DNSSEC_ZONES.map((z) => z.origin);
  const probe = join(scratch, "dnsviz-probe.json");
  const grok = join(scratch, "dnsviz-grok.json");
  const anchors = join(scratch, "dnsviz-ta.txt");
  writeFileSync(anchors, `${lab.dns.trustAnchors.join("\n")}\n`);
  const env = { PATH: process.env["PATH"] ?? "" };
  const p = await runChild(["/usr/bin/dnsviz", "probe", "-4", "-a", "test", "-s", lab.dns.resolverAddress, "-o", probe, ...zones], env, 180_000);
  if (p.code !== 0 || !existsSync(probe)) return `dnsviz probe failed (${p.code ?? "timeout"}): ${p.stderr.slice(0, 300)}`;
  const g = await runChild(["/usr/bin/dnsviz", "grok", "-t", anchors, "-r", probe, "-o", grok], env, 180_000);
  if (g.code !== 0 || !existsSync(grok)) return `dnsviz grok failed (${g.code ?? "timeout"}): ${g.stderr.slice(0, 300)}`;
  const doc: unknown = JSON.parse(readFileSync(grok, "utf8"));
  const comparisons: Comparison[] = zones.map((zone) => {
    const peer = dnsvizZoneStatus(doc, zone);
    const c = ours.get(zone)?.get("dnssec.chain");
    return { peer: "dnsviz", target: zone, check: "dnssec.chain", ours: c?.status ?? "missing", oursSays: c?.summary ?? "", peerStatus: peer.status, peerSays: peer.says };
  });
  return { note: `dnsviz 0.9 (probe through the lab's unbound, grok from the test. trust anchor): ${zones.length} zones`, comparisons };
}
