/**
 * Cloudflare's published edge address ranges (https://www.cloudflare.com/ips-v4 and /ips-v6, as listed in 2025).
 * A proxied host resolves to these: the real origin is hidden behind them and cannot be seen from outside.
 */
import { isIPv4, isIPv6 } from "node:net";

export const CLOUDFLARE_IPV4 = [
  "173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22", "103.31.4.0/22", "141.101.64.0/18", "108.162.192.0/18",
  "190.93.240.0/20", "188.114.96.0/20", "197.234.240.0/22", "198.41.128.0/17", "162.158.0.0/15", "104.16.0.0/13",
  "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22",
] as const;

export const CLOUDFLARE_IPV6 = ["2400:cb00::/32", "2606:4700::/32", "2803:f800::/32", "2405:b500::/32", "2405:8100::/32", "2a06:98c0::/29", "2c0f:f248::/32"] as const;

function v4(ip: string): bigint {
  return ip.split(".").reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n);
}

function v6(ip: string): bigint {
  const [head = "", tail] = ip.toLowerCase().split("::");
  const h = head === "" ? [] : head.split(":");
  const t = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function inRange(ip: bigint, cidr: string, bits: number, parse: (s: string) => bigint): boolean {
  const [net = "", len = "0"] = cidr.split("/");
  const shift = BigInt(bits - Number(len));
  return ip >> shift === parse(net) >> shift;
}

/** Whether an address is one of Cloudflare's edge addresses. */
export function isCloudflareEdge(ip: string): boolean {
  if (isIPv4(ip)) return CLOUDFLARE_IPV4.some((c) => inRange(v4(ip), c, 32, v4));
  if (isIPv6(ip) && !ip.includes(".")) return CLOUDFLARE_IPV6.some((c) => inRange(v6(ip), c, 128, v6));
  return false;
}
