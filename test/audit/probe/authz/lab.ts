/**
 * A loopback application with two tenants (acme: org 1, globex: org 2) and three roles (member < editor < admin),
 * for the authz probe. Most routes check correctly; three carry a deliberate bug each:
 * - GET /api/orgs/{orgId}/files/{fileId}: IDOR, checks org membership but not that the file is the org's;
 * - GET /api/orgs/{orgId}/settings: role:admin, but checks only membership (missing role check);
 * - GET /api/orgs/{orgId}/reports: accepts expired tokens.
 * It records every request (method, path, which credential kind) so tests can prove what was and was not sent.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface LabUser {
  readonly name: string;
  readonly tenant: "acme" | "globex";
  readonly org: number;
  readonly role: "member" | "editor" | "admin";
  readonly token: string;
  readonly expiredToken: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: boolean;
  readonly cookie: boolean;
}

export interface AuthzLab {
  readonly baseUrl: string;
  readonly users: readonly LabUser[];
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export const MARKERS = { acme: ["ACME-SECRET-PLAN", "ACME-Q3-NUMBERS"], globex: ["GLOBEX-MERGER-MEMO", "GLOBEX-Q3-NUMBERS"] } as const;

const ORG_OF = { acme: 1, globex: 2 } as const;
const POSTS: Record<number, { org: number; text: string }> = { 101: { org: 1, text: "ACME-SECRET-PLAN post" }, 102: { org: 2, text: "GLOBEX-MERGER-MEMO post" } };
const FILES: Record<number, { org: number; text: string }> = { 201: { org: 1, text: "ACME-SECRET-PLAN file" }, 202: { org: 2, text: "GLOBEX-MERGER-MEMO file" } };
const REPORTS: Record<number, string> = { 1: "ACME-Q3-NUMBERS", 2: "GLOBEX-Q3-NUMBERS" };
const RANK = { member: 0, editor: 1, admin: 2 } as const;

function user(name: string, tenant: "acme" | "globex", role: LabUser["role"]): LabUser {
  // Realistic-looking, unguessable tokens: a JWT-shaped bearer and an opaque session ID are both covered.
  const secret = randomBytes(24).toString("base64url");
  return { name, tenant, org: ORG_OF[tenant], role, token: `lab.${name}.${secret}`, expiredToken: `lab.${name}.expired.${randomBytes(24).toString("base64url")}` };
}

export async function startAuthzLab(): Promise<AuthzLab> {
  const users = [user("alice", "acme", "admin"), user("amy", "acme", "member"), user("bob", "globex", "admin"), user("bea", "globex", "member")];
  const requests: RecordedRequest[] = [];
  const byToken = new Map(users.map((u) => [u.token, u]));
  const byExpired = new Map(users.map((u) => [u.expiredToken, u]));

  const tokenOf = (req: IncomingMessage): string | undefined => {
    const auth = req.headers.authorization;
    if (auth !== undefined) return /^Bearer (.+)$/.exec(auth)?.[1];
    return /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://lab");
    requests.push({ method: req.method ?? "", path: url.pathname, authorization: req.headers.authorization !== undefined, cookie: req.headers.cookie !== undefined });
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const token = tokenOf(req);
    const valid = token === undefined ? undefined : byToken.get(token);
    const expired = token === undefined ? undefined : byExpired.get(token);
    const path = url.pathname;
    if (path === "/healthz") return send(200, { ok: true });
    if (path === "/api/login") return send(200, { ok: true });
    // The reports route's own, buggy auth: it looks the token up among expired ones too.
    const caller = path.endsWith("/reports") ? (valid ?? expired) : valid;
    if (caller === undefined) return send(401, { error: "unauthenticated" });
    if (path === "/api/me") return send(200, { user: caller.name, tenant: caller.tenant });
    const m = /^\/api\/orgs\/(\d+)(\/.*)$/.exec(path);
    if (m === null) return send(404, { error: "not found" });
    const org = Number(m[1]);
    const rest = m[2] ?? "";
    if (caller.org !== org) return send(403, { error: "not a member of this org" });
    const needs = (role: keyof typeof RANK): boolean => RANK[caller.role] >= RANK[role];
    let p: RegExpExecArray | null;
    if ((p = /^\/posts\/(\d+)$/.exec(rest)) !== null) {
      const post = POSTS[Number(p[1])];
      if (post === undefined || post.org !== org) return send(404, { error: "no such post" });
      if (req.method === "DELETE") return needs("admin") ? send(204, {}) : send(403, { error: "admins only" });
      return send(200, { post: post.text });
    }
    if ((p = /^\/posts\/(\d+)\/pin$/.exec(rest)) !== null) {
      const post = POSTS[Number(p[1])];
      if (post === undefined || post.org !== org) return send(404, { error: "no such post" });
      return needs("editor") ? send(200, { pinned: true }) : send(403, { error: "editors only" });
    }
    if ((p = /^\/files\/(\d+)$/.exec(rest)) !== null) {
      // The IDOR: the file is looked up by ID alone, never checked against the org.
      const file = FILES[Number(p[1])];
      return file === undefined ? send(404, { error: "no such file" }) : send(200, { file: file.text });
    }
    // The missing role check: any member of the org reads the admin settings.
    if (rest === "/settings") return send(200, { settings: `settings of org ${org}` });
    if (rest === "/billing") return needs("admin") ? send(200, { billing: `billing of org ${org}` }) : send(403, { error: "admins only" });
    if (rest === "/reports") return send(200, { report: REPORTS[org] ?? "" });
    return send(404, { error: "not found" });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    users,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The lab's inventory, as a stack file. */
export const LAB_STACK = `config:
  launch-ready:domains:
    - name: acme.example
  launch-ready:roles: [member, editor, admin]
  launch-ready:routes:
    - { method: GET, path: /healthz, access: public, kind: [health] }
    - { method: POST, path: /api/login, access: public, kind: [login] }
    - { method: GET, path: /api/me, access: authenticated }
    - { method: GET, path: "/api/orgs/{orgId}/posts/{postId}", access: tenant }
    - { method: GET, path: "/api/orgs/{orgId}/files/{fileId}", access: tenant }
    - { method: GET, path: "/api/orgs/{orgId}/settings", access: "role:admin", kind: [admin] }
    - { method: GET, path: "/api/orgs/{orgId}/billing", access: "role:admin", kind: [admin] }
    - { method: GET, path: "/api/orgs/{orgId}/reports", access: tenant }
    - { method: DELETE, path: "/api/orgs/{orgId}/posts/{postId}", access: "role:admin", replaySafe: false }
    - { method: PUT, path: "/api/orgs/{orgId}/posts/{postId}/pin", access: "role:editor", replaySafe: true }
`;

/** The credentials file: alice and amy (acme) by bearer token from the environment, bob and bea (globex) by cookie inline. */
export function labCredentials(users: readonly LabUser[]): { readonly file: string; readonly env: Record<string, string> } {
  const env: Record<string, string> = {};
  const lines = ["accounts:"];
  const IDS = { acme: { orgId: "1", postId: "101", fileId: "201" }, globex: { orgId: "2", postId: "102", fileId: "202" } } as const;
  for (const u of users) {
    const ids = IDS[u.tenant];
    const markers = u.role === "admin" ? MARKERS[u.tenant] : [];
    let credential: string;
    let expired: string;
    if (u.tenant === "acme") {
      env[`LAB_${u.name.toUpperCase()}_TOKEN`] = u.token;
      env[`LAB_${u.name.toUpperCase()}_EXPIRED`] = u.expiredToken;
      credential = `{ bearer: { env: LAB_${u.name.toUpperCase()}_TOKEN } }`;
      expired = `{ bearer: { env: LAB_${u.name.toUpperCase()}_EXPIRED } }`;
    } else {
      credential = `{ cookie: { name: session, value: "${u.token}" } }`;
      expired = `{ cookie: { name: session, value: "${u.expiredToken}" } }`;
    }
    lines.push(
      `  - name: ${u.name}`,
      `    tenant: ${u.tenant}`,
      `    role: ${u.role}`,
      `    credential: ${credential}`,
      `    expired: ${expired}`,
      `    ids: { orgId: "${ids.orgId}", postId: "${ids.postId}", fileId: "${ids.fileId}" }`,
      `    markers: [${markers.map((m) => `"${m}"`).join(", ")}]`,
    );
  }
  return { file: `${lines.join("\n")}\n`, env };
}
