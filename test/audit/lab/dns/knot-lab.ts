/**
 * The DNS lab: Knot DNS serving a signed `test.` parent and the caller's child zones (signed, NSEC3, bogus,
 * unsigned) on 127.0.0.1 and ::1 at a free port, plus unbound as a validating resolver when asked.
 * Everything stays on loopback; unbound refuses everything outside `test.`.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as dnsPacket from "dns-packet";
import { tcpExchange } from "../../../../audit/dns/transport";
import { canonicalName } from "../../../../audit/dnssec/canonical";
import { dnskeyRdata, keyTag } from "../../../../audit/dnssec/keys";
import { startTamperProxy, type Tamper, type ZoneSigner } from "./tamper-proxy";
import { findTool } from "./tools";

const run = promisify(execFile);

export interface LabZone {
  /**
   * e.g. `signed.test` (trailing dot optional); must be below `test.`. A zone below another lab zone (e.g.
   * `dept.nsec3.test` below `nsec3.test`) is delegated from it: its NS and DS go into that zone.
   */
  readonly origin: string;
  /** Zone-file lines with absolute names, e.g. `signed.test. 300 IN TXT "v=spf1 -all"`. SOA/NS are added if absent. */
  readonly records: readonly string[];
  /**
   * `unlinked`: signed, but its DS is not published in the parent (DNSSEC turned on, registrar step forgotten).
   * `nsec3-optout`: NSEC3 with opt-out (RFC 5155 §6), so its unsigned delegations get no NSEC3 of their own.
   */
  readonly dnssec: "signed" | "nsec3" | "nsec3-optout" | "bogus" | "unsigned" | "unlinked";
}

export interface DnsLabOptions {
  readonly withValidatingResolver?: boolean;
  /** Answers rewritten on the way out (see tamper-proxy.ts): `address` is then the tampering proxy, unbound's too. */
  readonly tamper?: readonly Tamper[];
}

export interface DnsLab {
  /** Where to ask: Knot, authoritative for `test.` and every child, or the tampering proxy in front of it: `127.0.0.1:PORT`. */
  readonly address: string;
  /** Knot itself, untampered. */
  readonly knotAddress: string;
  /** The same Knot on IPv6: `[::1]:PORT`. */
  readonly address6: string;
  /** unbound validating with the `test.` trust anchor, when asked for: `127.0.0.1:PORT`. */
  readonly resolverAddress?: string;
  /** The `test.` DS records (presentation format): the lab's trust anchor. */
  readonly trustAnchors: readonly string[];
  /** The DS records published for each signed child (after corruption for bogus ones), by origin without dot. */
  readonly ds: Readonly<Record<string, readonly string[]>>;
  stop(): Promise<void>;
}

function absolute(origin: string): string {
  return origin.endsWith(".") ? origin.toLowerCase() : `${origin.toLowerCase()}.`;
}

async function freePort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = net.createServer();
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => {
        const a = s.address();
        const p = typeof a === "object" && a ? a.port : 0;
        s.close(() => resolve(p));
      });
    });
    // Knot needs the port free on ::1 as well.
    const v6free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "::1", () => s.close(() => resolve(true)));
    });
    if (v6free) return port;
  }
  throw new Error("DNS lab: no free port on 127.0.0.1 and ::1");
}

function hasOwnerType(records: readonly string[], owner: string, type: string): boolean {
  const re = new RegExp(`^${owner.replace(/\./g, "\\.")}\\s+(?:\\d+\\s+)?(?:IN\\s+)?${type}\\s`, "i");
  return records.some((r) => re.test(r.trim()));
}

function zoneText(origin: string, records: readonly string[]): string {
  const lines = [`$ORIGIN ${origin}`, "$TTL 300"];
  if (!hasOwnerType(records, origin, "SOA")) lines.push(`${origin} SOA ns1.test. hostmaster.test. 1 3600 900 604800 300`);
  if (!hasOwnerType(records, origin, "NS")) lines.push(`${origin} NS ns1.test.`);
  lines.push(...records);
  return `${lines.join("\n")}\n`;
}

/** Flips the last hex digit of a DS digest: a DS that matches no key (a bogus delegation). */
function corruptDs(ds: string): string {
  const last = ds.trim().slice(-1);
  const flipped = last === "0" ? "1" : "0";
  return ds.trim().slice(0, -1) + flipped;
}

async function query(port: number, name: string, type: dnsPacket.RecordType, dnssec: boolean): Promise<dnsPacket.DecodedPacket | undefined> {
  const id = Math.floor(Math.random() * 0xffff);
  const q = dnsPacket.encode({
    type: "query",
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type, class: "IN" }],
    additionals: [{ type: "OPT", name: ".", udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: dnssec ? dnsPacket.DNSSEC_OK : 0, flag_do: dnssec, options: [] }],
  });
  const out = await tcpExchange({ ip: "127.0.0.1", port, family: 4 }, q, id, { timeoutMs: 500 });
  return out.kind === "packet" ? out.packet : undefined;
}

async function waitFor(what: string, ready: () => Promise<boolean>, child: ChildProcess, log: () => string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DNS lab: ${what} exited with ${child.exitCode}: ${log()}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`DNS lab: ${what} not ready after ${ms} ms: ${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startDnsLab(zones: readonly LabZone[], opts: DnsLabOptions = {}): Promise<DnsLab> {
  const knotd = findTool("knotd");
  const keymgr = findTool("keymgr");
  if (!knotd || !keymgr) throw new Error("DNS lab: knotd/keymgr not installed (apt-get install knot knot-dnssecutils)");
  for (const z of zones) {
    if (!absolute(z.origin).endsWith(".test.") || absolute(z.origin) === "test.") {
      throw new Error(`DNS lab: zone "${z.origin}" must be below test. (the lab's signed parent)`);
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "dns-lab-"));
  const children: ChildProcess[] = [];
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    await Promise.all([...children.map(stopChild), ...stops.map((s) => s())]);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(["run", "db", "zones"].map((d) => mkdir(path.join(dir, d))));
    const port = await freePort();
    const signedKind = (z: LabZone): boolean => z.dnssec !== "unsigned";
    const conf = [
      "server:",
      `    rundir: "${dir}/run"`,
      `    listen: [ 127.0.0.1@${port}, ::1@${port} ]`,
      "log:",
      "  - target: stderr",
      "    any: warning",
      "database:",
      `    storage: "${dir}/db"`,
      "policy:",
      "  - id: nsec",
      "    algorithm: ecdsap256sha256",
      "    ksk-lifetime: 0",
      "    zsk-lifetime: 0",
      "    manual: on",
      "  - id: nsec3",
      "    algorithm: ecdsap256sha256",
      "    ksk-lifetime: 0",
      "    zsk-lifetime: 0",
      "    manual: on",
      "    nsec3: on",
      "  - id: nsec3optout",
      "    algorithm: ecdsap256sha256",
      "    ksk-lifetime: 0",
      "    zsk-lifetime: 0",
      "    manual: on",
      "    nsec3: on",
      "    nsec3-opt-out: on",
      "template:",
      "  - id: default",
      `    storage: "${dir}/zones"`,
      "    zonefile-sync: -1",
      "    journal-content: none",
      "zone:",
      "  - domain: test.",
      "    file: test.zone",
      "    dnssec-signing: on",
      "    dnssec-policy: nsec",
      ...zones.flatMap((z, i) => [
        `  - domain: ${absolute(z.origin)}`,
        `    file: child-${i}.zone`,
        ...(signedKind(z) ? ["    dnssec-signing: on", `    dnssec-policy: ${z.dnssec === "nsec3" ? "nsec3" : z.dnssec === "nsec3-optout" ? "nsec3optout" : "nsec"}`] : []),
      ]),
    ].join("\n");
    const confPath = path.join(dir, "knot.conf");
    await writeFile(confPath, `${conf}\n`);

    // Keys first, so each DS is known before the parent zone is written. One combined signing key (CSK)
    // per zone, generated a few zones at a time: one keymgr run per zone keeps a many-zone lab quick to start. The
    // DS is computed here from the key's PEM (RFC 4034 §5.1.4), which also gives the tamper proxy its signer.
    const signers = new Map<string, ZoneSigner>();
    const dsOf = async (zone: string): Promise<string[]> => {
      const { stdout } = await run(keymgr, ["-c", confPath, zone, "generate", "algorithm=ecdsap256sha256", "ksk=yes", "zsk=yes"]);
      const id = stdout.trim().split(/\s+/)[0] ?? "";
      const key = createPrivateKey(await readFile(path.join(dir, "db", "keys", "keys", `${id}.pem`), "utf8"));
      const jwk = createPublicKey(key).export({ format: "jwk" });
      const dnskey = { flags: 257, algorithm: 13, key: Buffer.concat([Buffer.from(jwk.x ?? "", "base64url"), Buffer.from(jwk.y ?? "", "base64url")]) };
      const tag = keyTag(dnskey);
      signers.set(zone.replace(/\.$/, ""), { keyTag: tag, key });
      // Only the SHA-256 digest (type 2) is published: enough, and what registrars take.
      const digest = createHash("sha256").update(canonicalName(zone)).update(dnskeyRdata(dnskey)).digest("hex").toUpperCase();
      return [`${zone} DS ${tag} 13 2 ${digest}`];
    };
    const trustAnchors = await dsOf("test.");
    const ds: Record<string, string[]> = {};
    const signedZones = zones.filter(signedKind);
    for (let i = 0; i < signedZones.length; i += 4) {
      await Promise.all(
        signedZones.slice(i, i + 4).map(async (z) => {
          const real = await dsOf(absolute(z.origin));
          if (z.dnssec !== "unlinked") ds[absolute(z.origin).replace(/\.$/, "")] = z.dnssec === "bogus" ? real.map(corruptDs) : real;
        }),
      );
    }
    // Each zone is delegated from the nearest lab zone above it (test. when none is).
    const parentOf = (origin: string): string =>
      zones
        .map((z) => absolute(z.origin))
        .filter((o) => o !== origin && origin.endsWith(`.${o}`))
        .reduce((best, o) => (o.length > best.length ? o : best), "test.");
    const delegations = (parent: string): string[] =>
      zones
        .filter((z) => parentOf(absolute(z.origin)) === parent)
        .flatMap((z) => [`${absolute(z.origin)} NS ns1.test.`, ...(ds[absolute(z.origin).replace(/\.$/, "")] ?? [])]);
    const parent = ["ns1.test. A 127.0.0.1", "ns1.test. AAAA ::1", ...delegations("test.")];
    await writeFile(path.join(dir, "zones", "test.zone"), zoneText("test.", parent));
    await Promise.all(zones.map((z, i) => writeFile(path.join(dir, "zones", `child-${i}.zone`), zoneText(absolute(z.origin), [...z.records, ...delegations(absolute(z.origin))]))));

    let knotLog = "";
    const knot = spawn(knotd, ["-c", confPath], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(knot);
    knot.stdout?.on("data", (b: Buffer) => (knotLog += b.toString()));
    knot.stderr?.on("data", (b: Buffer) => (knotLog += b.toString()));
    // Ready when every zone answers its SOA over TCP (a UDP probe before bind is lost), signed ones with an RRSIG.
    const all: Array<{ origin: string; signed: boolean }> = [{ origin: "test.", signed: true }, ...zones.map((z) => ({ origin: absolute(z.origin), signed: signedKind(z) }))];
    await waitFor("knotd", async () => {
      for (const z of all) {
        const p = await query(port, z.origin, "SOA", true);
        if (!p || p.rcode !== "NOERROR" || !(p.answers ?? []).some((a) => a.type === "SOA")) return false;
        if (z.signed && !(p.answers ?? []).some((a) => a.type === "RRSIG")) return false;
      }
      return true;
    }, knot, () => knotLog);

    // The tampering proxy re-signs with each zone's real key.
    let served = port;
    if (opts.tamper && opts.tamper.length > 0) {
      const proxy = await startTamperProxy(port, opts.tamper, signers);
      stops.push(() => proxy.stop());
      served = proxy.port;
    }

    let resolverAddress: string | undefined;
    if (opts.withValidatingResolver) {
      const unboundBin = findTool("unbound");
      if (!unboundBin) throw new Error("DNS lab: unbound not installed (apt-get install unbound)");
      const uport = await freePort();
      const uconf = [
        "server:",
        `  interface: 127.0.0.1@${uport}`,
        `  port: ${uport}`,
        "  do-daemonize: no",
        '  chroot: ""',
        '  username: ""',
        `  directory: "${dir}"`,
        `  pidfile: "${dir}/unbound.pid"`,
        "  use-syslog: no",
        '  logfile: ""',
        "  verbosity: 0",
        "  do-ip6: no",
        "  do-not-query-localhost: no",
        "  outgoing-interface: 127.0.0.1",
        "  access-control: 127.0.0.0/8 allow",
        '  module-config: "validator iterator"',
        // test. is one of unbound's built-in blocked zones (RFC 6761); everything else is refused, never recursed.
        '  local-zone: "test." nodefault',
        '  local-zone: "test." transparent',
        '  local-zone: "." refuse',
        ...trustAnchors.map((t) => `  trust-anchor: "${t.trim()}"`),
        "  cache-max-ttl: 0",
        "forward-zone:",
        '  name: "test."',
        `  forward-addr: 127.0.0.1@${served}`,
      ].join("\n");
      const uconfPath = path.join(dir, "unbound.conf");
      await writeFile(uconfPath, `${uconf}\n`);
      let unboundLog = "";
      const unbound = spawn(unboundBin, ["-d", "-c", uconfPath], { stdio: ["ignore", "pipe", "pipe"] });
      children.push(unbound);
      unbound.stdout?.on("data", (b: Buffer) => (unboundLog += b.toString()));
      unbound.stderr?.on("data", (b: Buffer) => (unboundLog += b.toString()));
      await waitFor("unbound", async () => {
        const p = await query(uport, "test.", "SOA", true);
        return p !== undefined && p.rcode === "NOERROR";
      }, unbound, () => unboundLog);
      resolverAddress = `127.0.0.1:${uport}`;
    }
    return { address: `127.0.0.1:${served}`, knotAddress: `127.0.0.1:${port}`, address6: `[::1]:${port}`, resolverAddress, trustAnchors, ds, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
