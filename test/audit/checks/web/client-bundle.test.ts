/**
 * secrets.client_bundle against a loopback lab (127.0.0.1, started and stopped here): a page whose bundle holds a
 * token and whose source maps (a `sourceMappingURL` comment, a `SourceMap` header, an inline `data:` map) hold
 * more. Every one is found by URL, source and rule; no value (nor any 16-character piece of one) reaches the scan's
 * result or any audit output format; a timeout is an error, never "no secret found".
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientBundleModule, judgeClientBundles, scanClientBundles, type BundleScan } from "../../../../audit/checks/web/client-bundle";
import { createHttpClient } from "../../../../audit/http/client";
import { formatHuman, formatJson, formatMarkdown, formatSarif } from "../../../../audit/report";
import type { AuditContext, AuditReport, DnsClient, HttpClient, HttpResult } from "../../../../audit/types";
import { CREDENTIALS } from "../../../core/secrets/fixtures";

/** Assembled: a whole map comment in this file would be read by vite as this file's own source map. */
const MAP_COMMENT = `//${"#"} sourceMappingURL=`;

const planted = {
  bundle: CREDENTIALS.githubToken(),
  map: CREDENTIALS.awsAccessKeyId(),
  inlineMap: CREDENTIALS.slackToken(),
  headerMap: CREDENTIALS.stripeKey(),
  inlineScript: CREDENTIALS.githubToken(),
};
const VALUES = Object.values(planted);

function expectNoValue(output: string): void {
  const flat = output.replace(/\\n|\s/g, "");
  for (const v of VALUES) {
    for (let i = 0; i + 16 <= v.length; i++) {
      if (flat.includes(v.slice(i, i + 16))) throw new Error(`the output holds a 16-character piece of a planted value at offset ${i}`);
    }
  }
}

const sourceMap = (name: string, content: string): string => JSON.stringify({ version: 3, sources: [name], sourcesContent: [content], mappings: "AAAA" });

const ROUTES: Readonly<Record<string, { type: string; body: string; headers?: Record<string, string> } | "hang" | 404>> = {
  "/": {
    type: "text/html",
    body: `<!doctype html><html><head>
<script src="/app.js"></script><script src="/inline.js" defer></script><link rel="modulepreload" href="/hdr.js">
<script src="https://cdn.thirdparty.example/lib.js"></script>
</head><body><script>window.cfg = { k: "${planted.inlineScript}" };</script></body></html>`,
  },
  "/app.js": { type: "text/javascript", body: `(()=>{const t="${planted.bundle}";fetch("/api",{headers:{t}})})();\n${MAP_COMMENT}app.js.map\n` },
  "/app.js.map": { type: "application/json", body: sourceMap("src/aws.ts", `// config\nexport const id = "${planted.map}";\n`) },
  "/inline.js": {
    type: "text/javascript",
    body: `console.log(1);\n${MAP_COMMENT}data:application/json;charset=utf-8;base64,${Buffer.from(sourceMap("src/slack.ts", `const s = "${planted.inlineMap}";`)).toString("base64")}\n`,
  },
  "/hdr.js": { type: "text/javascript", body: "console.log(2);\n", headers: { sourcemap: "/maps/hdr.js.map" } },
  "/maps/hdr.js.map": { type: "application/json", body: sourceMap("webpack://app/src/billing.ts", `\n\nconst key = "${planted.headerMap}";`) },
  "/clean/": { type: "text/html", body: `<script src="/clean/ok.js"></script><script src="/clean/gone.js"></script>` },
  "/clean/ok.js": { type: "text/javascript", body: `console.log("ok");\n${MAP_COMMENT}ok.js.map\n` },
  "/clean/ok.js.map": 404,
  "/clean/gone.js": 404,
  "/slow/": { type: "text/html", body: `<script src="/slow/never.js"></script><script src="/clean/ok.js"></script>` },
  "/slow/never.js": "hang",
  "/slowleak/": { type: "text/html", body: `<script src="/slow/never.js"></script><script src="/app.js"></script>` },
  "/many/": { type: "text/html", body: `<script src="/clean/ok.js"></script><script src="/a.js"></script><script src="/b.js"></script>` },
  "/a.js": { type: "text/javascript", body: "1;" },
  "/b.js": { type: "text/javascript", body: "2;" },
};

let server: Server;
let origin: string;
const NO_DNS: DnsClient = { query: async () => ({ kind: "error", reason: "the test uses IP literals only", elapsedMs: 0 }) };
let client: ReturnType<typeof createHttpClient>;
let quick: ReturnType<typeof createHttpClient>;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = ROUTES[new URL(req.url ?? "/", "http://x").pathname];
    if (route === "hang") return; // never answers: only the client's deadline ends it
    if (route === undefined || route === 404) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    res.writeHead(200, { "content-type": route.type, ...(route.headers ?? {}) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createHttpClient({ connectTo: [], timeoutMs: 4000, dns: NO_DNS });
  quick = createHttpClient({ connectTo: [], timeoutMs: 300, dns: NO_DNS });
});

afterAll(async () => {
  await client.close();
  await quick.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function scanPage(path: string, http: HttpClient = client, maxBundles?: number): Promise<BundleScan> {
  const page = await http.request({ url: `${origin}${path}` });
  if (page.kind !== "response") throw new Error(`lab page ${path}: ${page.reason}`);
  return scanClientBundles({ pageUrl: page.url, html: page.body, pageTruncated: page.truncated, fetch: (url) => http.request({ url }), ...(maxBundles !== undefined ? { maxBundles } : {}) });
}

describe("secrets.client_bundle on a loopback lab", () => {
  it("finds the bundle's token and the credentials in its three kinds of source map, by URL, source and rule", async () => {
    const s = await scanPage("/");
    const found = s.findings.map((f) => [f.url.replace(origin, ""), f.source ?? "", f.line, f.rule]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["/app.js", "", 1, "@secretlint/secretlint-rule-github/GITHUB_TOKEN"],
        ["/app.js.map", "src/aws.ts", 2, "@secretlint/secretlint-rule-aws/AWSAccessKeyID"],
        ["/inline.js (inline source map)", "src/slack.ts", 1, "@secretlint/secretlint-rule-slack/SLACK_TOKEN"],
        ["/maps/hdr.js.map", "webpack://app/src/billing.ts", 3, "launch-ready/stripe-key"],
        ["/ (inline script #1)", "", 1, "@secretlint/secretlint-rule-github/GITHUB_TOKEN"],
      ]),
    );
    expect(found.length).toBe(5);
    expect(s.thirdParty).toEqual(["https://cdn.thirdparty.example/lib.js"]);
    expect(judgeClientBundles(s)).toMatchObject({ status: "fail", outcome: "found" });
    expectNoValue(JSON.stringify(s) + JSON.stringify(judgeClientBundles(s)));
  });

  it("passes a page whose bundle has no credential, a 404 source map and a 404 script being nothing served", async () => {
    const s = await scanPage("/clean/");
    expect(s.findings).toEqual([]);
    expect(s.errors).toEqual([]);
    expect(s.notServed.map((u) => u.replace(origin, ""))).toEqual(expect.arrayContaining(["/clean/ok.js.map (404)", "/clean/gone.js (404)"]));
    expect(judgeClientBundles(s)).toMatchObject({ status: "pass", outcome: "clean" });
  });

  it("cannot tell when a bundle times out: a timeout is an error, never a clean page", async () => {
    const s = await scanPage("/slow/", quick);
    expect(s.errors).toEqual([expect.stringMatching(new RegExp(`^script ${origin}/slow/never.js: .*300 ms`))]);
    const v = judgeClientBundles(s);
    expect(v.status).toBe("cannot-tell");
  });

  it("fails on a found credential even when another bundle timed out", async () => {
    const s = await scanPage("/slowleak/", quick);
    expect(s.errors.length).toBe(1);
    expect(judgeClientBundles(s)).toMatchObject({ status: "fail", outcome: "found" });
  });

  it("says how many same-site scripts were beyond the bound, as a warning rather than a pass", async () => {
    const s = await scanPage("/many/", client, 2);
    expect(s.scripts.length).toBe(2);
    expect(s.overLimit.map((u) => u.replace(origin, ""))).toEqual(["/b.js"]);
    const v = judgeClientBundles(s);
    expect(v).toMatchObject({ status: "warn", outcome: "partial" });
    expect("facts" in v ? v.facts.join(" ") : "").toContain("1 same-site script(s) beyond the limit of 2 were not fetched");
  });
});

describe("secrets.client_bundle as an audit module", () => {
  /** https://shop.test/… served by the loopback lab, as the auditor's page snapshot fetches it. */
  const labHttp: HttpClient = {
    async request(req): Promise<HttpResult> {
      const url = new URL(req.url);
      if (url.hostname !== "shop.test" || url.protocol !== "https:") return { kind: "error", url: req.url, reason: "connection refused", elapsedMs: 0 };
      const r = await client.request({ ...req, url: `${origin}${url.pathname}${url.search}` });
      return { ...r, url: req.url };
    },
  };
  const ctx: AuditContext = {
    dns: { query: async () => ({ kind: "absent", reason: "NXDOMAIN", elapsedMs: 0 }) },
    http: labHttp,
    tls: { handshake: async () => ({ kind: "error", reason: "not used here" }) },
    probes: new Set(),
    now: () => new Date(),
    signal: new AbortController().signal,
  };

  it("fails with the URLs and rules, links the runbook, and prints no value in any audit format", async () => {
    const [r] = await clientBundleModule.run({ name: "shop.test", display: "shop.test", orgDomain: "shop.test" }, ctx);
    expect(r?.status).toBe("fail");
    expect(r?.summary).toContain("https://shop.test/app.js.map → src/aws.ts:2: AWS access key ID [@secretlint/secretlint-rule-aws/AWSAccessKeyID] (value withheld)");
    expect(r?.evidence).toMatchObject({ runbook: "runbooks/secret-rotation.md", thirdPartyNotScanned: 1, outcome: "found" });
    if (r === undefined) throw new Error("no result");
    const report: AuditReport = { domains: [{ domain: "shop.test", checks: [r] }], counts: { pass: 0, warn: 0, fail: 1, info: 0, error: 0, skip: 0 } };
    for (const out of [formatHuman(report), formatJson(report), formatMarkdown(report), formatSarif(report, { ruleIds: ["secrets.client_bundle"], toolVersion: "0.0.0-test" })]) {
      expectNoValue(out);
      expect(out).toContain("secrets.client_bundle");
    }
  });
});
