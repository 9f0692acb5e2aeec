/**
 * The probe's test accounts, from a credentials file (`--credentials FILE`, YAML or JSON; keep it out of git). Each
 * secret is given either in the file (`value:`) or, better for CI, as the name of an environment variable
 * (`env:`) the file points to: never on the command line, where it would land in shell history and `ps`.
 *
 *   accounts:
 *     - name: alice                       # a label for reports (never a secret)
 *       tenant: acme
 *       role: admin                       # optional: one of launch-ready:roles
 *       credential: { bearer: { env: AUTHZ_ALICE_TOKEN } }        # or { cookie: { name: session, env: … } }
 *       expired: { bearer: { env: AUTHZ_ALICE_EXPIRED } }          # optional: a token of this account, expired
 *       ids: { orgId: "101", postId: "5001" }                     # this tenant's IDs for the path parameters
 *       markers: ["Acme launch plan"]                             # text only this tenant's data contains
 *
 * The expired credential is given, not derived: deriving one needs the signing key, and a token re-written without
 * it only tests the signature check, which the altered-token attempt already does.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { formatPath, fromZodIssues, type ConfigIssue } from "../../../config/issues";

const secretSource = z.union([
  z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "must be an environment variable name such as AUTHZ_ALICE_TOKEN" }) }),
  z.strictObject({ value: z.string().min(1, { message: "is empty" }) }),
]);

const credentialSchema = z.union([
  z.strictObject({ bearer: secretSource }),
  z.strictObject({ cookie: z.strictObject({ name: z.string().regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, { message: "must be a cookie name (RFC 6265 §4.1.1 token)" }) }).and(secretSource) }),
]);

const accountSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$/, { message: "must be a short label such as `alice`" }),
  tenant: z.string().min(1, { message: "names the account's tenant, e.g. `acme`" }),
  role: z.string().optional(),
  credential: credentialSchema,
  expired: credentialSchema.optional(),
  ids: z.record(z.string(), z.union([z.string().min(1), z.number().int()]).transform(String)).default({}),
  markers: z.array(z.string().min(4, { message: "is too short to be told apart from ordinary text: use at least 4 characters" })).default([]),
});

const fileSchema = z.strictObject({ accounts: z.array(accountSchema).min(2, { message: "needs at least two accounts, in two tenants" }) });

export type CredentialScheme = { readonly kind: "bearer" } | { readonly kind: "cookie"; readonly name: string };

export interface Credential {
  readonly scheme: CredentialScheme;
  readonly secret: string;
}

export interface Account {
  readonly name: string;
  readonly tenant: string;
  readonly role?: string;
  readonly credential: Credential;
  readonly expired?: Credential;
  readonly ids: Readonly<Record<string, string>>;
  readonly markers: readonly string[];
}

export class CredentialsError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  }
}

/** Reads and checks the file; every problem names its field path, never a secret value. */
export function loadCredentials(file: string, env: Readonly<Record<string, string | undefined>>, roles: readonly string[]): Account[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new CredentialsError([{ path: "--credentials", message: `cannot read ${file} (${err instanceof Error && "code" in err ? String(err.code) : "unreadable"})` }]);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    // The parser's message quotes the offending line, which may hold a token: say where, not what.
    throw new CredentialsError([{ path: "--credentials", message: `${file} is not valid YAML or JSON: fix its syntax` }]);
  }
  return parseCredentials(raw, env, roles);
}

export function parseCredentials(raw: unknown, env: Readonly<Record<string, string | undefined>>, roles: readonly string[]): Account[] {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    // A type mismatch would quote the value it got ("got string \"eyJ…\""): keep the expectation, drop the value.
    throw new CredentialsError(fromZodIssues(parsed.error.issues, () => []).map((i) => ({ path: i.path, message: i.message.replace(/, got .*$/s, "").replace(/: see the stack config reference.*$/s, ": see the credentials file format in README.md") })));
  }
  const issues: ConfigIssue[] = [];
  const names = new Set<string>();
  const accounts = parsed.data.accounts.map((a, i): Account => {
    const at = (...p: PropertyKey[]) => formatPath(["accounts", i, ...p]);
    if (names.has(a.name)) issues.push({ path: at("name"), message: `\`${a.name}\` is used twice: give each account its own name` });
    names.add(a.name);
    if (a.role !== undefined && !roles.includes(a.role)) {
      issues.push({ path: at("role"), message: `\`${a.role}\` is not one of launch-ready:roles (${roles.join(", ") || "none declared"})` });
    }
    const resolve = (c: z.output<typeof credentialSchema>, key: string): Credential => {
      const scheme: CredentialScheme = "bearer" in c ? { kind: "bearer" } : { kind: "cookie", name: c.cookie.name };
      const source = "bearer" in c ? c.bearer : c.cookie;
      if ("value" in source) return { scheme, secret: source.value };
      const value = env[source.env];
      if (value === undefined || value === "") issues.push({ path: at(key, "bearer" in c ? "bearer" : "cookie", "env"), message: `the environment variable ${source.env} is not set` });
      return { scheme, secret: value ?? "" };
    };
    return {
      name: a.name,
      tenant: a.tenant,
      ...(a.role !== undefined ? { role: a.role } : {}),
      credential: resolve(a.credential, "credential"),
      ...(a.expired !== undefined ? { expired: resolve(a.expired, "expired") } : {}),
      ids: a.ids,
      markers: a.markers,
    };
  });
  if (new Set(accounts.map((a) => a.tenant)).size < 2) issues.push({ path: "accounts", message: "all accounts are in one tenant: give at least one account in a second tenant" });
  if (issues.length > 0) throw new CredentialsError(issues);
  return accounts;
}

/** Every secret string of the accounts, for the redactor. */
export function secretsOf(accounts: readonly Account[]): string[] {
  return accounts.flatMap((a) => [a.credential.secret, ...(a.expired !== undefined ? [a.expired.secret] : [])]).filter((s) => s !== "");
}
