import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { missingCoreTargets, parseLoadBalancerArn, splitHttpsUrl, uptimeTargets, urlSlug } from "../../../core/monitoring/plan";
import { parseTemplate } from "../../../core/routes/template";

function route(path: string, kind: "login" | "health" | "search", method: "GET" | "POST" = "GET") {
  const t = parseTemplate(path);
  if (!t.ok) throw new Error(t.error);
  return { method, path: t.template, access: { kind: "public" as const }, kinds: [kind], replaySafe: true };
}

describe("uptime targets", () => {
  it("checks the homepage, the GET login and health routes without parameters, then the configured URLs, once each", () => {
    const targets = uptimeTargets({
      canonicalHost: "acme.example",
      checks: [{ url: "https://app.acme.example/healthz" }, { url: "https://acme.example/login", searchString: "Sign in" }],
      routes: { roles: [], routes: [route("/login", "login"), route("/login", "login", "POST"), route("/api/orgs/{id}/health", "health"), route("/search", "search")] },
    });
    expect(targets.map((t) => [t.url, t.purpose, t.searchString])).toEqual([
      ["https://acme.example/", "homepage", undefined],
      ["https://acme.example/login", "login", "Sign in"],
      ["https://app.acme.example/healthz", "configured", undefined],
    ]);
    expect(missingCoreTargets(targets)).toEqual([]);
  });

  it("a redirect-only domain (no canonical host of its own) checks only what is configured, and says what is missing", () => {
    const targets = uptimeTargets({ checks: [{ url: "https://old.example/" }] });
    expect(targets.map((t) => t.url)).toEqual(["https://old.example/"]);
    expect(missingCoreTargets(targets)).toEqual(["the homepage", "the login page", "the API health endpoint"]);
  });

  it("refuses URLs a Route 53 HTTPS check on 443 cannot fetch", () => {
    expect(splitHttpsUrl("http://acme.example/")).toBeUndefined();
    expect(splitHttpsUrl("https://acme.example:8443/")).toBeUndefined();
    expect(splitHttpsUrl("https://ACME.example/a?b=1")).toEqual({ host: "acme.example", path: "/a?b=1" });
  });

  it("reads an Application Load Balancer ARN's region and CloudWatch dimension", () => {
    expect(parseLoadBalancerArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/acme-prod/50dc6c495c0c9188")).toEqual({ region: "eu-west-1", dimension: "app/acme-prod/50dc6c495c0c9188" });
    expect(parseLoadBalancerArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/acme/50dc6c495c0c9188")).toBeUndefined();
  });

  it("slugs are short resource-name fragments, stable for a URL", () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (host, path) => {
        const slug = urlSlug({ host, path: path === "" ? "/" : path });
        expect(slug).toMatch(/^[a-z0-9-]{0,60}$/);
        expect(urlSlug({ host, path: path === "" ? "/" : path })).toBe(slug);
      }),
    );
  });
});
