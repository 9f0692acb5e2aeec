import { isIP } from "node:net";
import { readFileSync } from "node:fs";

/** Where DNS queries go: an IP literal and a port. Never a host name (that would need DNS to find DNS). */
export interface ResolverAddress {
  readonly ip: string;
  readonly port: number;
  readonly family: 4 | 6;
}

export function formatResolver(r: ResolverAddress): string {
  return r.family === 6 ? `[${r.ip}]:${r.port}` : `${r.ip}:${r.port}`;
}

/**
 * Parses `ip:port`, `[v6]:port`, a bare IPv4/IPv6 address (port 53). Throws an Error whose message says what is
 * wrong and the accepted forms.
 */
export function parseResolverAddress(input: string): ResolverAddress {
  const s = input.trim();
  const hint = "use IP:PORT, e.g. 127.0.0.1:53 or [::1]:5353";
  let ip: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracketed) {
    ip = bracketed[1] ?? "";
    portText = bracketed[2];
  } else if (isIP(s) === 6) {
    ip = s;
  } else {
    const colon = s.lastIndexOf(":");
    if (colon === -1) {
      ip = s;
    } else {
      ip = s.slice(0, colon);
      portText = s.slice(colon + 1);
    }
  }
  const family = isIP(ip);
  if (family !== 4 && family !== 6) {
    throw new Error(`"${input}" is not a resolver address: "${ip}" is not an IPv4 or IPv6 address (${hint})`);
  }
  let port = 53;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw new Error(`"${input}" is not a resolver address: port "${portText}" must be 1-65535 (${hint})`);
    }
    port = Number(portText);
  }
  return { ip, port, family };
}

/** The `nameserver` lines of a resolv.conf text (RFC-less, glibc format), in order; IPv6 zone ids are dropped. */
export function parseResolvConf(text: string): ResolverAddress[] {
  const out: ResolverAddress[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (!m || m[1] === undefined) continue;
    const ip = m[1].split("%")[0] ?? "";
    const family = isIP(ip);
    if (family === 4 || family === 6) out.push({ ip, port: 53, family });
  }
  return out;
}

/** The system's nameservers, read explicitly (never through the system resolver library). */
export function readSystemResolvers(path = "/etc/resolv.conf"): ResolverAddress[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${path} to find nameservers (${err instanceof Error ? err.message : String(err)}); pass --resolver IP:PORT`);
  }
  const found = parseResolvConf(text);
  if (found.length === 0) throw new Error(`${path} lists no nameserver; pass --resolver IP:PORT`);
  return found;
}
