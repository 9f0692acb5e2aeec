/**
 * `launch-ready adopt` against a loopback fake of the Cloudflare API: the diff, the stack file it writes (comments
 * kept), and that the written stack's offline preview imports every live record it plans with its live values,
 * plans no replacement, and leaves every other live record out of the plan.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseDocument } from "yaml";
import { runAdopt } from "../../cli/adopt/run";
import type { AdoptDocument } from "../../cli/adopt/document";
import { readStackFile } from "../../config/stack-file";
import type { LiveResource } from "../../engine/live";
import { runOffline } from "../../engine/run";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";
import { type FakeCloudflare, type FakeRecord, startFakeCloudflare } from "./adopt-fake-cloudflare";
import { CHANGED, fakeZone, FOREIGN, RATELIMIT_ID, REDIRECT_ID, STACK, TOKEN, TWINS, ZONE_ID } from "./adopt-fixture";

let api: FakeCloudflare;
let dir: ReturnType<typeof tempDir>;

beforeEach(async () => {
  api = await startFakeCloudflare({ token: TOKEN, zones: [fakeZone()], maxPerPage: 3 });
  dir = tempDir("adopt");
  dir.write("Pulumi.prod.yaml", STACK);
});
afterEach(async () => {
  await api.close();
  dir.cleanup();
});

async function adopt(args: { write?: boolean; json?: boolean; force?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runAdopt({
    stack: "prod",
    stacksDir: dir.dir,
    write: args.write === true,
    force: args.force === true,
    json: args.json === true,
    env: { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: api.baseURL },
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    maxRetries: 0,
  });
  return { code, stdout, stderr };
}

const stackText = () => readFileSync(join(dir.dir, "Pulumi.prod.yaml"), "utf8");

describe("adopt: the diff", () => {
  it("reads every page of records with GETs only and sorts them into create, adopt unchanged, adopt then change, and left alone", async () => {
    const { code, stdout } = await adopt({ json: true });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as AdoptDocument;
    const d = doc.domains[0];
    expect(d?.zoneId).toBe(ZONE_ID);
    expect(d?.records.adoptUnchanged.map((r) => r.id).sort()).toEqual(TWINS.map((r) => r.id).sort());
    expect(d?.records.adoptThenChange.map((r) => [r.id, r.changes.map((c) => c.field)])).toEqual([
      [CHANGED[0]?.id, ["content", "ttl", "proxied"]],
      [CHANGED[1]?.id, ["ttl"]],
    ]);
    expect(d?.records.foreign.map((r) => r.id).sort()).toEqual(FOREIGN.map((r) => r.id).sort());
    expect(d?.records.create.map((r) => `${r.type} ${r.content}`)).toEqual(expect.arrayContaining(['CAA 0 issue "ssl.com"', 'CAA 0 issue "sectigo.com"']));
    expect(d?.rulesets).toEqual({ adopt: { http_request_dynamic_redirect: REDIRECT_ID }, create: [], foreign: [{ phase: "http_ratelimit", id: RATELIMIT_ID }] });
    expect(d?.settings.filter((s) => s.changes).map((s) => s.settingId)).toEqual(["ssl", "automatic_https_rewrites", "min_tls_version", "security_header"]);
    // Ten records at most three a page: four pages, then the empty one that ends the list.
    expect(api.requests.filter((r) => r.path.includes("/dns_records")).map((r) => new URL(r.path, "http://x").searchParams.get("page") ?? "1")).toEqual(["1", "2", "3", "4", "5"]);
    expect(new Set(api.requests.map((r) => r.method))).toEqual(new Set(["GET"]));
    // Without --write the file is untouched; the document carries what would be written.
    expect(doc.written).toBe(false);
    expect(stackText()).toBe(STACK);
    expect(doc.yaml).toContain(`zoneId: ${ZONE_ID}`);
  });

  it("prints the diff and the file it would write, in words", async () => {
    const { code, stdout } = await adopt();
    expect(code).toBe(0);
    expect(stdout).toContain("adopt unchanged");
    expect(stdout).toMatch(/~ www\.acme\.example CNAME \[0+4\]: content old-site\.example\.net → origin\.acme-hosting\.example\.net, ttl 300 → 1, proxied false → true/);
    expect(stdout).toMatch(/left alone[\s\S]*blog\.acme\.example CNAME acme\.ghost\.example\.org/);
    expect(stdout).toContain("with --write would read:");
  });
});

describe("adopt --write", () => {
  it("writes the zone id, adoptRecords and rulesetIds, keeping every comment and the rest of the file", async () => {
    const { code } = await adopt({ write: true });
    expect(code).toBe(0);
    const text = stackText();
    for (const comment of ["# Acme's production stack", "# The one domain.", "# free for now", "# The status page.", "secure: v1:offline-stand-in"]) expect(text).toContain(comment);
    const cf = parseDocument(text).getIn(["config", "launch-ready:domains", 0, "cloudflare"]);
    expect(JSON.parse(JSON.stringify(cf))).toEqual({
      plan: "free",
      zoneId: ZONE_ID,
      adoptRecords: [
        { name: "acme.example", type: "CNAME", id: TWINS[0]?.id },
        { name: "www.acme.example", type: "CNAME", id: CHANGED[0]?.id },
        { name: "acme.example", type: "CAA", id: TWINS[1]?.id, content: '0 issue "letsencrypt.org"' },
        { name: "acme.example", type: "CAA", id: TWINS[2]?.id, content: '0 issue "pki.goog"' },
        { name: "status.acme.example", type: "CNAME", id: CHANGED[1]?.id },
      ],
      rulesetIds: { http_request_dynamic_redirect: REDIRECT_ID },
    });
    expect(text).toMatch(/# adopted as it is live; with imported: true the next up changes content "old-site\.example\.net"/);
    // A second run finds nothing to change and nothing unexpected.
    const again = await adopt({ write: true, json: true });
    expect(again.code).toBe(0);
    expect(stackText()).toBe(text);
  });

  it("refuses to drop adoption values the file already declares unless --force", async () => {
    dir.write("Pulumi.prod.yaml", STACK.replace("plan: free # free for now", `plan: free # free for now\n        zoneId: ${"e".repeat(32)}`));
    const zoneElsewhere = await adopt({ write: true });
    // The stack names a zone id the token cannot see: a missing zone, nothing written.
    expect(zoneElsewhere.code).toBe(2);
    expect(zoneElsewhere.stderr).toMatch(/no Cloudflare zone e{32} is visible to this token/);

    const stale = STACK.replace("plan: free # free for now", `plan: free # free for now\n        zoneId: ${ZONE_ID}\n        adoptRecords:\n          - { name: status.acme.example, type: CNAME, id: ${"d".repeat(32)} }`);
    dir.write("Pulumi.prod.yaml", stale);
    const refused = await adopt({ write: true });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/adoptRecords\[0\]: adopts status\.acme\.example CNAME d{32}/);
    expect(stackText()).toBe(stale);
    const forced = await adopt({ write: true, force: true });
    expect(forced.code).toBe(0);
    expect(stackText()).toContain(CHANGED[1]?.id);
    expect(stackText()).not.toContain("d".repeat(32));
  });
});

/** What the fake zone holds, as the offline engine's model of the live zone: every value, not only identities. */
function liveState(records: readonly FakeRecord[]) {
  const resources = new Map<string, LiveResource>();
  for (const r of records) {
    resources.set(`${ZONE_ID}/${r.id}`, {
      type: "cloudflare:index/dnsRecord:DnsRecord",
      values: { zoneId: ZONE_ID, name: r.name, type: r.type, content: r.content, ttl: r.ttl, proxied: r.proxied, ...(r.priority !== undefined ? { priority: r.priority } : {}), ...(r.comment !== undefined ? { comment: r.comment } : {}) },
      inState: false,
      declaredAt: "the fake zone",
    });
  }
  resources.set(`zones/${ZONE_ID}/${REDIRECT_ID}`, { type: "cloudflare:index/ruleset:Ruleset", values: { zoneId: ZONE_ID, kind: "zone", phase: "http_request_dynamic_redirect" }, inState: false, declaredAt: "the fake zone" });
  // The zone's rate limiting entrypoint is live too: a plan that created one beside it would fail the engine.
  return { resources, entrypoints: new Map([[`${ZONE_ID}/http_request_dynamic_redirect`, REDIRECT_ID], [`${ZONE_ID}/http_ratelimit`, RATELIMIT_ID]]) };
}

describe("adopt, then the offline preview of the written stack", () => {
  it("imports every live record it plans with its live values (no replacement, no delete) and plans nothing over the foreign ones", async () => {
    expect((await adopt({ write: true })).code).toBe(0);
    const stack = readStackFile(dir.dir, "prod");
    const all = [...TWINS, ...CHANGED, ...FOREIGN];
    vi.resetModules();
    // The engine compares each import with this live zone: any input not ignored must equal the live value.
    const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview: true, live: liveState(all) });
    expect(run.errors).toEqual([]);
    const records = run.resources.filter((r) => r.type === "cloudflare:index/dnsRecord:DnsRecord");
    const imported = new Map(records.flatMap((r) => (r.options.importId !== undefined ? [[r.options.importId, r] as const] : [])));
    expect([...imported.keys()].sort()).toEqual([...TWINS, ...CHANGED].map((r) => `${ZONE_ID}/${r.id}`).sort());
    for (const live of [...TWINS, ...CHANGED]) {
      const r = imported.get(`${ZONE_ID}/${live.id}`);
      expect(r?.options.retainOnDelete, live.name).toBe(true);
      expect([r?.inputs["name"], r?.inputs["type"]]).toEqual([live.name, live.type]);
      // Import step: what is not the record's identity is taken from the live record (ignoreChanges), so the
      // import declares exactly the live content, TTL, proxying and priority.
      expect(r?.options.ignoreChanges).toEqual(expect.arrayContaining(["ttl", "comment", ...(live.type === "CAA" ? ["data"] : ["content", "proxied"])]));
    }
    // Foreign records: never imported, never created again (no planned record has their name, type and content).
    for (const f of FOREIGN) {
      expect(imported.has(`${ZONE_ID}/${f.id}`)).toBe(false);
      expect(records.some((r) => r.inputs["name"] === f.name && r.inputs["type"] === f.type && r.inputs["content"] === f.content)).toBe(false);
    }
    // No live record is planned twice: the created records are exactly the ones the zone lacks.
    const created = records.filter((r) => r.options.importId === undefined).map((r) => `${String(r.inputs["name"])} ${String(r.inputs["type"])}`);
    for (const live of [...TWINS, ...CHANGED]) if (live.type !== "CAA") expect(created).not.toContain(`${live.name} ${live.type}`);
    const entrypoint = run.resources.find((r) => r.type === "cloudflare:index/ruleset:Ruleset" && r.inputs["phase"] === "http_request_dynamic_redirect");
    expect(entrypoint?.options.importId).toBe(`zones/${ZONE_ID}/${REDIRECT_ID}`);
    // The foreign rate limiting entrypoint is not in the plan at all.
    expect(run.resources.some((r) => r.type === "cloudflare:index/ruleset:Ruleset" && r.inputs["phase"] === "http_ratelimit")).toBe(false);
  });

  it("a naive stack that declares the stack's values for an import would fail the same engine check", async () => {
    // The check above has teeth: the www record, imported without ignoreChanges, does not match the live zone.
    expect((await adopt({ write: true })).code).toBe(0);
    const text = stackText().replace(/imported: false\n/, "").replace("plan: free # free for now", "plan: free # free for now\n        imported: true");
    dir.write("Pulumi.prod.yaml", text);
    const stack = readStackFile(dir.dir, "prod");
    const live = liveState([...TWINS, ...CHANGED, ...FOREIGN]);
    const notYetImported = { ...live, resources: new Map([...live.resources].map(([k, v]) => [k, { ...v, inState: false }])) };
    vi.resetModules();
    const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview: true, live: notYetImported });
    expect(run.errors.join("\n")).toMatch(/inputs to import do not match the existing resource/);
  });

  it("in the second step (imported: true) updates the adopted records in place: no replacement", async () => {
    expect((await adopt({ write: true })).code).toBe(0);
    dir.write("Pulumi.prod.yaml", stackText().replace("plan: free # free for now", "plan: free # free for now\n        imported: true"));
    const stack = readStackFile(dir.dir, "prod");
    const live = liveState([...TWINS, ...CHANGED, ...FOREIGN]);
    vi.resetModules();
    const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview: true, live: { ...live, resources: new Map([...live.resources].map(([k, v]) => [k, { ...v, inState: true }])) } });
    expect(run.errors).toEqual([]);
  });
});

describe("adopt: records the email component creates", () => {
  it("reports a live SPF or DMARC record the stack would double as a conflict (exit 1), since it cannot adopt them", async () => {
    dir.write("Pulumi.prod.yaml", `${STACK}      email:\n        senders: []\n        dmarc:\n          rua: [mailto:dmarc@acme.example]\n`);
    const zone = fakeZone();
    await api.close();
    api = await startFakeCloudflare({ token: TOKEN, zones: [{ ...zone, records: [...zone.records, { id: "c".repeat(32), name: "acme.example", type: "TXT", content: '"v=spf1 include:_spf.mail.example.net ~all"', ttl: 3600, proxied: false }] }] });
    const { code, stdout } = await adopt({ json: true });
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as AdoptDocument;
    const conflicts = doc.domains[0]?.records.conflicts ?? [];
    expect(conflicts.map((c) => c.name).sort()).toEqual(["_dmarc.acme.example", "acme.example"]);
    expect(conflicts.find((c) => c.name === "acme.example")?.reason).toMatch(/second v=spf1 record/);
    // Left alone all the same: the user decides.
    expect(doc.domains[0]?.records.foreign.map((r) => r.id)).toContain("c".repeat(32));
  });
});
