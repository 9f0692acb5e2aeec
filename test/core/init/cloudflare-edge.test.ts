import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCloudflareEdge } from "../../../core/init";

describe("Cloudflare's edge ranges", () => {
  it("knows the published IPv4 and IPv6 ranges, edges included", () => {
    for (const ip of ["104.16.0.1", "104.23.255.255", "172.67.1.2", "188.114.96.3", "2606:4700::6810:84e5", "2a06:98c7:ffff::1", "2400:cb00:2049:1::a29f:1804"]) {
      expect(isCloudflareEdge(ip), ip).toBe(true);
    }
  });

  it("does not claim other addresses, the ones next to a range included", () => {
    for (const ip of ["104.15.255.255", "104.32.0.0", "203.0.113.10", "127.0.0.1", "::1", "2606:4701::1", "2a06:98c8::1", "not-an-ip"]) {
      expect(isCloudflareEdge(ip), ip).toBe(false);
    }
  });

  it("every address inside 104.16.0.0/13 is the edge, and none of 203.0.113.0/24 is", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 19 - 1 }), (n) => isCloudflareEdge(`104.${16 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`)));
    fc.assert(fc.property(fc.integer({ min: 0, max: 255 }), (n) => !isCloudflareEdge(`203.0.113.${n}`)));
  });
});
