/**
 * Which requests a rate limiting rule's expression matches, for the subset of the rules language the planner writes:
 * `http.request.uri.path eq "…"`, `http.request.uri.path in {"…" …}`, `starts_with(http.request.uri.path, "…")`,
 * `http.request.method eq "…"` / `in {…}`, joined by `and`, `or` and parentheses. Anything else is "cannot tell"
 * (undefined), never a match: a judge must not call an endpoint covered by an expression it cannot read. Pure.
 */

export interface SampleRequest {
  readonly path: string;
  readonly method: string;
}

type Token = { kind: "str"; text: string } | { kind: "word"; text: string } | { kind: "punct"; text: string };

function tokenize(src: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_.]*)|([(){},]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (m === null) return undefined;
    if (m[1] !== undefined) tokens.push({ kind: "str", text: m[1].replace(/\\(.)/g, "$1") });
    else if (m[2] !== undefined) tokens.push({ kind: "word", text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: "punct", text: m[3] });
    i = re.lastIndex;
  }
  return tokens;
}

const FIELDS: Readonly<Record<string, (r: SampleRequest) => string>> = {
  "http.request.uri.path": (r) => r.path,
  "http.request.method": (r) => r.method,
};

/** True or false when the expression is in the readable subset; undefined when it is not. */
export function expressionMatches(expression: string, request: SampleRequest): boolean | undefined {
  const tokens = tokenize(expression);
  if (tokens === undefined) return undefined;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const take = (): Token | undefined => tokens[pos++];
  const isWord = (t: Token | undefined, w: string): boolean => t !== undefined && t.kind === "word" && t.text === w;
  const isPunct = (t: Token | undefined, p: string): boolean => t !== undefined && t.kind === "punct" && t.text === p;

  const atom = (): boolean | undefined => {
    const t = take();
    if (t === undefined) return undefined;
    if (isPunct(t, "(")) {
      const v = or();
      return isPunct(take(), ")") ? v : undefined;
    }
    if (isWord(t, "starts_with")) {
      if (!isPunct(take(), "(")) return undefined;
      const f = take();
      const get = f?.kind === "word" ? FIELDS[f.text] : undefined;
      if (get === undefined || !isPunct(take(), ",")) return undefined;
      const s = take();
      if (s?.kind !== "str" || !isPunct(take(), ")")) return undefined;
      return get(request).startsWith(s.text);
    }
    const get = t.kind === "word" ? FIELDS[t.text] : undefined;
    if (get === undefined) return undefined;
    const op = take();
    if (isWord(op, "eq")) {
      const s = take();
      return s?.kind === "str" ? get(request) === s.text : undefined;
    }
    if (isWord(op, "in")) {
      if (!isPunct(take(), "{")) return undefined;
      const set: string[] = [];
      while (peek()?.kind === "str") set.push(take()?.text ?? "");
      return isPunct(take(), "}") ? set.includes(get(request)) : undefined;
    }
    return undefined;
  };
  const and = (): boolean | undefined => {
    let v = atom();
    while (isWord(peek(), "and")) {
      take();
      const w = atom();
      v = v === undefined || w === undefined ? undefined : v && w;
    }
    return v;
  };
  const or = (): boolean | undefined => {
    let v = and();
    while (isWord(peek(), "or")) {
      take();
      const w = and();
      v = v === undefined || w === undefined ? undefined : v || w;
    }
    return v;
  };
  const result = or();
  return pos === tokens.length ? result : undefined;
}
