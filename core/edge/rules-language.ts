/**
 * A checker for Cloudflare's Rules language, the expression syntax of every Ruleset rule (filters) and of dynamic
 * redirect targets (values). It knows the fields, functions and operators the toolkit may write, as listed in
 * Cloudflare's references, and reports anything else: the API rejects a whole ruleset when one expression names a
 * field it does not have (e.g. `http.request.scheme`, which does not exist: the scheme is the Boolean field `ssl`),
 * so the plan must refuse it first.
 *
 * Tables read from developers.cloudflare.com on 2026-04-16 (the operators page's "last updated" date):
 * - fields: /ruleset-engine/rules-language/fields/reference/ (request fields usable in Single Redirects);
 * - functions: /ruleset-engine/rules-language/functions/;
 * - operators and grouping: /ruleset-engine/rules-language/operators/;
 * - an expression is at most 4,096 characters: /ruleset-engine/rules-language/expressions/.
 * The field table is deliberately the HTTP-request subset a redirect rule can use, not every field of every phase:
 * a field outside it is refused, so adding one here is a reviewed decision, never a silent pass. Pure.
 */

export const RULES_LANGUAGE_TABLE_DATE = "2026-04-16";

/** Cloudflare's limit on one rule expression. */
export const MAX_EXPRESSION_LENGTH = 4096;

export type FieldType = "Boolean" | "String" | "Integer" | "IP address" | "Array<String>" | "Map<Array<String>>";

/** Request fields of the rules language (fields reference), with their types. */
export const RULES_FIELDS: Readonly<Record<string, FieldType>> = {
  ssl: "Boolean",
  "http.host": "String",
  "http.referer": "String",
  "http.user_agent": "String",
  "http.x_forwarded_for": "String",
  "http.cookie": "String",
  "http.request.method": "String",
  "http.request.version": "String",
  "http.request.full_uri": "String",
  "http.request.uri": "String",
  "http.request.uri.path": "String",
  "http.request.uri.path.extension": "String",
  "http.request.uri.query": "String",
  "http.request.uri.args": "Map<Array<String>>",
  "http.request.uri.args.names": "Array<String>",
  "http.request.uri.args.values": "Array<String>",
  "http.request.headers": "Map<Array<String>>",
  "http.request.headers.names": "Array<String>",
  "http.request.headers.values": "Array<String>",
  "http.request.accepted_languages": "Array<String>",
  "http.request.cookies": "Map<Array<String>>",
  "ip.src": "IP address",
  "ip.src.country": "String",
  "ip.src.continent": "String",
  "ip.src.asnum": "Integer",
  "ip.src.region_code": "String",
  "ip.src.city": "String",
  "ip.src.is_in_european_union": "Boolean",
  "cf.edge.server_port": "Integer",
  "cf.bot_management.verified_bot": "Boolean",
  "cf.client.bot": "Boolean",
  "cf.tls_client_auth.cert_verified": "Boolean",
  "raw.http.request.full_uri": "String",
  "raw.http.request.uri": "String",
  "raw.http.request.uri.path": "String",
  "raw.http.request.uri.query": "String",
};

/** Functions of the rules language (functions reference). */
export const RULES_FUNCTIONS: ReadonlySet<string> = new Set([
  "any",
  "all",
  "concat",
  "decode_base64",
  "ends_with",
  "encode_base64",
  "len",
  "lookup_json_integer",
  "lookup_json_string",
  "lower",
  "regex_replace",
  "remove_bytes",
  "remove_query_args",
  "split",
  "starts_with",
  "substring",
  "to_string",
  "upper",
  "url_decode",
  "uuidv4",
  "wildcard_replace",
  "cidr",
  "cidr6",
  "is_timed_hmac_valid_v0",
]);

/** Comparison operators, English and C-like notation (operators reference). `strict wildcard` is two words. */
export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set([
  "eq", "==", "ne", "!=", "lt", "<", "le", "<=", "gt", ">", "ge", ">=",
  "contains", "wildcard", "strict wildcard", "matches", "~", "in",
]);

/** Logical operators, by precedence from lowest: or, xor, and; `not` is unary. */
export const LOGICAL_OPERATORS: ReadonlySet<string> = new Set(["or", "||", "xor", "^^", "and", "&&", "not", "!"]);

export interface ExpressionCheck {
  readonly ok: boolean;
  /** Each problem in words a user reads: what is wrong, at which token. */
  readonly problems: readonly string[];
}

type Token =
  | { kind: "string"; text: string }
  | { kind: "number"; text: string }
  | { kind: "word"; text: string }
  | { kind: "punct"; text: string };

const PUNCT = ["==", "!=", "<=", ">=", "&&", "||", "^^", "<", ">", "~", "!", "(", ")", "{", "}", "[", "]", ",", "*"];

function tokenize(src: string): { tokens: Token[]; problem?: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = "";
      while (j < src.length && src[j] !== '"') {
        if (src[j] === "\\") j++;
        text += src[j] ?? "";
        j++;
      }
      if (j >= src.length) return { tokens, problem: "a string literal is never closed" };
      tokens.push({ kind: "string", text });
      i = j + 1;
      continue;
    }
    // Raw strings: r"…" or r#"…"# (values reference).
    const raw = /^r(#*)"/.exec(src.slice(i));
    if (raw) {
      const close = `"${raw[1] ?? ""}`;
      const start = i + raw[0].length;
      const end = src.indexOf(close, start);
      if (end < 0) return { tokens, problem: "a raw string literal is never closed" };
      tokens.push({ kind: "string", text: src.slice(start, end) });
      i = end + close.length;
      continue;
    }
    const punct = PUNCT.find((p) => src.startsWith(p, i));
    if (punct !== undefined) {
      tokens.push({ kind: "punct", text: punct });
      i += punct.length;
      continue;
    }
    // Numbers, IP addresses and CIDR ranges (`203.0.113.0/24`, `2001:db8::/32`) are literal values.
    const num = /^[0-9][0-9a-fA-F.:/]*|^[0-9a-fA-F]*:[0-9a-fA-F:.]*(?:\/[0-9]+)?/.exec(src.slice(i));
    if (num && num[0] !== "") {
      tokens.push({ kind: "number", text: num[0] });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(src.slice(i));
    if (word) {
      tokens.push({ kind: "word", text: word[0] });
      i += word[0].length;
      continue;
    }
    return { tokens, problem: `\`${c}\` is not part of the rules language` };
  }
  return { tokens };
}

/** Recursive-descent reader of one expression; collects problems instead of stopping at the first unknown name. */
class Reader {
  private pos = 0;
  readonly problems: string[] = [];
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return t !== undefined && (t.kind === "word" || t.kind === "punct") && words.includes(t.text);
  }
  private expect(text: string): boolean {
    const t = this.peek();
    if (t?.text === text && t.kind === "punct") {
      this.pos++;
      return true;
    }
    this.problems.push(`expected \`${text}\` ${t === undefined ? "at the end" : `before \`${t.text}\``}`);
    return false;
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  rest(): string {
    return this.tokens.slice(this.pos).map((t) => (t.kind === "string" ? `"${t.text}"` : t.text)).join(" ");
  }

  filter(): void {
    this.xorLevel();
    while (this.isWord("or", "||")) {
      this.pos++;
      this.xorLevel();
    }
  }
  private xorLevel(): void {
    this.andLevel();
    while (this.isWord("xor", "^^")) {
      this.pos++;
      this.andLevel();
    }
  }
  private andLevel(): void {
    this.unary();
    while (this.isWord("and", "&&")) {
      this.pos++;
      this.unary();
    }
  }
  private unary(): void {
    if (this.isWord("not", "!")) {
      this.pos++;
      this.unary();
      return;
    }
    if (this.peek()?.text === "(" && this.peek()?.kind === "punct") {
      this.pos++;
      this.filter();
      this.expect(")");
      return;
    }
    this.comparison();
  }
  private comparison(): void {
    const before = this.pos;
    this.value();
    if (this.pos === before) return;
    const t = this.peek();
    if (t === undefined) return;
    if (t.kind === "word" && t.text === "strict" && this.peek(1)?.text === "wildcard") {
      this.pos += 2;
      this.value();
      return;
    }
    if (t.text === "in" && t.kind === "word") {
      this.pos++;
      this.set();
      return;
    }
    if (COMPARISON_OPERATORS.has(t.text) && (t.kind === "word" || t.kind === "punct")) {
      this.pos++;
      this.value();
      return;
    }
    if (t.kind === "word" && !LOGICAL_OPERATORS.has(t.text)) {
      this.problems.push(`\`${t.text}\` is not an operator of the rules language`);
      this.pos++;
      this.value();
    }
  }
  private set(): void {
    const t = this.peek();
    if (t?.kind === "word" && t.text.startsWith("$")) {
      this.pos++;
      return;
    }
    if (!this.expect("{")) return;
    while (!this.atEnd() && this.peek()?.text !== "}") {
      const v = this.peek();
      if (v?.kind === "string" || v?.kind === "number") this.pos++;
      else {
        this.problems.push(`a set holds only literal values, not \`${v?.text ?? ""}\``);
        this.pos++;
      }
    }
    this.expect("}");
  }

  /** A field (with optional `[…]` access), a function call or a literal. */
  value(): void {
    const t = this.peek();
    if (t === undefined) {
      this.problems.push("an expression is missing at the end");
      return;
    }
    if (t.kind === "string" || t.kind === "number") {
      this.pos++;
      return;
    }
    if (t.kind === "word" && (t.text === "true" || t.text === "false")) {
      this.pos++;
      return;
    }
    if (t.kind !== "word") {
      this.problems.push(`expected a field, a function or a value, found \`${t.text}\``);
      this.pos++;
      return;
    }
    this.pos++;
    if (this.peek()?.text === "(" && this.peek()?.kind === "punct") {
      if (!RULES_FUNCTIONS.has(t.text)) this.problems.push(`unknown function \`${t.text}\``);
      this.pos++;
      if (this.peek()?.text !== ")") {
        this.argument();
        while (this.peek()?.text === ",") {
          this.pos++;
          this.argument();
        }
      }
      this.expect(")");
      this.indexes();
      return;
    }
    if (!Object.prototype.hasOwnProperty.call(RULES_FIELDS, t.text)) {
      this.problems.push(unknownField(t.text));
    }
    this.indexes();
  }
  /** A function argument: a value, or a whole comparison (`any(x[*] contains "y")`). */
  private argument(): void {
    this.comparison();
  }
  private indexes(): void {
    while (this.peek()?.text === "[" && this.peek()?.kind === "punct") {
      this.pos++;
      const i = this.peek();
      if (i !== undefined && (i.kind === "string" || i.kind === "number" || i.text === "*")) this.pos++;
      else this.problems.push("an index is a string, a number or `*`");
      this.expect("]");
    }
  }
}

function unknownField(name: string): string {
  const hint = name === "http.request.scheme" ? ": the rules language has no scheme field; plain http is `not ssl` (the Boolean field `ssl`)" : "";
  return `unknown field \`${name}\`${hint}`;
}

/** Checks a filter expression (a rule's `expression`): a Boolean over fields, functions and literals. */
export function checkFilterExpression(expression: string): ExpressionCheck {
  return check(expression, (r) => r.filter());
}

/** Checks a value expression (e.g. a dynamic redirect's `target_url.expression`): one value. */
export function checkValueExpression(expression: string): ExpressionCheck {
  return check(expression, (r) => r.value());
}

function check(expression: string, read: (r: Reader) => void): ExpressionCheck {
  const problems: string[] = [];
  if (expression.length > MAX_EXPRESSION_LENGTH) problems.push(`is ${expression.length} characters long; Cloudflare accepts at most ${MAX_EXPRESSION_LENGTH}`);
  if (expression.trim() === "") return { ok: false, problems: [...problems, "is empty"] };
  const { tokens, problem } = tokenize(expression);
  if (problem !== undefined) return { ok: false, problems: [...problems, problem] };
  const reader = new Reader(tokens);
  read(reader);
  problems.push(...reader.problems);
  if (!reader.atEnd()) problems.push(`cannot read \`${reader.rest()}\``);
  return { ok: problems.length === 0, problems };
}

/** One planned rule as the checker reads it: its ref, filter and, for a dynamic redirect, the target expression. */
export interface RuleExpressions {
  readonly ref: string;
  readonly expression: string;
  readonly targetExpression?: string;
}

/** Every problem of every rule, each naming the rule's `ref`: the text a plan error shows. */
export function checkRuleExpressions(rules: readonly RuleExpressions[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    for (const p of checkFilterExpression(r.expression).problems) out.push(`rule \`${r.ref}\`: expression ${p}`);
    if (r.targetExpression !== undefined) {
      for (const p of checkValueExpression(r.targetExpression).problems) out.push(`rule \`${r.ref}\`: target expression ${p}`);
    }
  }
  return out;
}
