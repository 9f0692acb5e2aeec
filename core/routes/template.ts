/**
 * Path templates as the route inventory writes them: `/api/orgs/{orgId}/posts/{postId}`. A parameter is a whole
 * segment (the OpenAPI path-template form, without its partial-segment extension) so that substituting an ID can
 * never change which route a request reaches; literal segments are matched exactly, case-sensitively
 * (RFC 3986 §6.2.2.1: only scheme and host are case-insensitive).
 */

export type Segment = { readonly kind: "literal"; readonly value: string } | { readonly kind: "param"; readonly name: string };

export interface PathTemplate {
  /** As written, e.g. `/api/orgs/{orgId}`. */
  readonly text: string;
  readonly segments: readonly Segment[];
  /** Parameter names in order. */
  readonly params: readonly string[];
  /** The template with parameter names erased (`/api/orgs/{}`): two routes with the same shape are the same route. */
  readonly shape: string;
}

export type TemplateParse = { readonly ok: true; readonly template: PathTemplate } | { readonly ok: false; readonly error: string };

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** RFC 3986 §3.3 pchar, less the braces (reserved for parameters). */
const LITERAL = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;

export function parseTemplate(text: string): TemplateParse {
  const fail = (error: string): TemplateParse => ({ ok: false, error: `'${text}' ${error}` });
  if (!text.startsWith("/")) return fail("does not start with `/`: write the path from the root, e.g. /api/orgs/{orgId}");
  if (/[?#]/.test(text)) return fail("has a query or fragment: give only the path (the probe and the rate-limit rules match the path)");
  if (text === "/") return { ok: true, template: { text, segments: [], params: [], shape: "/" } };
  const raw = text.slice(1).split("/");
  const segments: Segment[] = [];
  const params: string[] = [];
  for (const [i, part] of raw.entries()) {
    if (part === "") {
      // A trailing slash is a distinct path to most routers; an empty inner segment is almost always a typo.
      if (i === raw.length - 1) segments.push({ kind: "literal", value: "" });
      else return fail("has an empty segment (`//`): remove the extra slash");
      continue;
    }
    if (part.includes("{") || part.includes("}")) {
      const m = /^\{([^{}]*)\}$/.exec(part);
      if (m === null) return fail(`has a parameter that is not a whole segment or is unbalanced ('${part}'): write each parameter as its own segment, e.g. /posts/{postId}`);
      const name = m[1] ?? "";
      if (!PARAM_NAME.test(name)) return fail(`has a parameter named '${name}': use letters, digits and _ (not starting with a digit), e.g. {orgId}`);
      if (params.includes(name)) return fail(`uses the parameter {${name}} twice: give each parameter its own name`);
      params.push(name);
      segments.push({ kind: "param", name });
      continue;
    }
    if (!LITERAL.test(part)) return fail(`has a segment '${part}' with characters a URL path cannot hold unencoded: percent-encode them`);
    segments.push({ kind: "literal", value: part });
  }
  const shape = `/${segments.map((s) => (s.kind === "param" ? "{}" : s.value)).join("/")}`;
  return { ok: true, template: { text, segments, params, shape } };
}

/**
 * The concrete path for `ids` (parameter name → value), each value percent-encoded as one segment
 * (`encodeURIComponent`), or the names of parameters `ids` lacks.
 */
export function expandTemplate(t: PathTemplate, ids: Readonly<Record<string, string>>): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly missing: readonly string[] } {
  const missing = t.params.filter((p) => ids[p] === undefined);
  if (missing.length > 0) return { ok: false, missing };
  if (t.segments.length === 0) return { ok: true, path: "/" };
  return { ok: true, path: `/${t.segments.map((s) => (s.kind === "param" ? encodeURIComponent(ids[s.name] ?? "") : s.value)).join("/")}` };
}

/** The parameter values when `path` is an instance of the template, else `undefined`. */
export function matchTemplate(t: PathTemplate, path: string): Readonly<Record<string, string>> | undefined {
  const parts = path === "/" ? [] : path.slice(1).split("/");
  if (parts.length !== t.segments.length) return undefined;
  const out: Record<string, string> = {};
  for (const [i, s] of t.segments.entries()) {
    const part = parts[i] ?? "";
    if (s.kind === "literal") {
      if (part !== s.value) return undefined;
    } else {
      if (part === "") return undefined;
      try {
        out[s.name] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    }
  }
  return out;
}
