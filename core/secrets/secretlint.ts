/**
 * The thin adapter over secretlint's recommended preset: the only file that touches the library. Its public rule
 * interface (`SecretLintRuleCreator.create(context, options).file(source)`) is driven synchronously here, so that
 * the plan rules (synchronous under CrossGuard) and every output path can scan a value in place. For a text
 * without a file path every preset scanner reports synchronously; a scanner that answers with a promise would be
 * a library change, and fails loudly rather than being skipped.
 *
 * Pure: no file is read (sources carry no path), nothing is kept. Findings carry the rule's message ID, never the
 * message text, which quotes the secret.
 */
import { rules as PRESET } from "@secretlint/secretlint-rule-preset-recommend";
import type { SecretLintRuleContext, SecretLintRuleCreator, SecretLintSourceCode } from "@secretlint/types";
import { batched, type SecretFinding, type SecretScanner } from "./scanner";

/** What each finding is called, by the preset's message ID; unlisted IDs fall back to the rule's name. */
const KIND: Readonly<Record<string, string>> = {
  AWSAccessKeyID: "AWS access key ID",
  AWSSecretAccessKey: "AWS secret access key",
  PrivateKey: "private key (PEM)",
  BasicAuth: "password in a URL",
  SLACK_TOKEN: "Slack token",
  IncomingWebhook: "Slack webhook URL",
  GITHUB_TOKEN: "GitHub token",
  SENDGRID_KEY: "SendGrid API key",
  NPM_ACCESS_TOKEN: "npm access token",
  MongoDBConnection: "database connection string with a password",
  MySQLConnection: "database connection string with a password",
  PostgreSQLConnection: "database connection string with a password",
};

/**
 * Message IDs that are not credentials: an AWS account ID is an identifier AWS says is not secret; the
 * filter-comments rule only honours `secretlint-disable` comments, which a value must never be able to use.
 */
const NOT_A_CREDENTIAL = new Set(["AWSAccountID"]);
const SKIPPED_RULES = new Set(["@secretlint/secretlint-rule-filter-comments"]);

/** Per-rule options: the AWS access key ID scan is off by default in secretlint. */
const OPTIONS: Readonly<Record<string, object>> = { "@secretlint/secretlint-rule-aws": { enableIDScanRule: true } };

function kindOf(ruleId: string, messageId: string): string {
  return KIND[messageId] ?? `${ruleId.replace(/^@secretlint\/secretlint-rule-/, "").replace(/-/g, " ")} credential`;
}

function sourceOf(content: string): SecretLintSourceCode {
  // Line offsets only if a rule asks for positions (none of the preset's scanners does today).
  let starts: number[] | undefined;
  const lineStarts = (): number[] => {
    if (starts === undefined) {
      starts = [0];
      for (let i = 0; i < content.length; i++) if (content[i] === "\n") starts.push(i + 1);
    }
    return starts;
  };
  const indexToPosition = (index: number): { line: number; column: number } => {
    const ls = lineStarts();
    let line = 0;
    while (line + 1 < ls.length && (ls[line + 1] ?? Infinity) <= index) line++;
    return { line: line + 1, column: index - (ls[line] ?? 0) };
  };
  const positionToIndex = (pos: { line: number; column: number }): number => (lineStarts()[pos.line - 1] ?? 0) + pos.column;
  return {
    hasBOM: false,
    content,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: "text",
    ext: "",
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: (range) => ({ start: indexToPosition(range[0]), end: indexToPosition(range[1]) }),
    locationToRange: (loc) => [positionToIndex(loc.start), positionToIndex(loc.end)],
  };
}

/** The matched strings a rule hands its message (e.g. `{ TOKEN: "ghp_…" }`): also redacted wherever they occur. */
function quotedValues(data: unknown): string[] {
  if (typeof data !== "object" || data === null) return [];
  return Object.values(data).filter((v): v is string => typeof v === "string" && v.length >= 8);
}

function scanWith(creators: readonly SecretLintRuleCreator<object>[], text: string): SecretFinding[] {
  const source = sourceOf(text);
  const found: SecretFinding[] = [];
  for (const creator of creators) {
    const ruleId = creator.meta.id;
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      // The message text quotes the secret: keep only the ID and the data used to locate it.
      createTranslator: () => (messageId, props) => ({ message: String(messageId), messageId: String(messageId), data: props }),
      report: ({ message, range }) => {
        if (NOT_A_CREDENTIAL.has(message.messageId)) return;
        const kind = kindOf(ruleId, message.messageId);
        const rule = `${ruleId}/${message.messageId}`;
        found.push({ kind, rule, start: range[0], end: range[1] });
        // Some rules report the start of `key = value` with the value's length; the quoted value is exact.
        for (const value of quotedValues(message.data)) {
          for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
            found.push({ kind, rule, start: at, end: at + value.length });
          }
        }
      },
      ignore: () => undefined,
    };
    const handler = creator.create(context, OPTIONS[ruleId] ?? {});
    const result = handler.file?.(source);
    if (result !== undefined) throw new Error(`secretlint rule ${ruleId} answered asynchronously: the pinned preset changed; check @secretlint/secretlint-rule-preset-recommend`);
  }
  return found;
}

const SCANNERS: readonly SecretLintRuleCreator<object>[] = PRESET.filter((r) => r.meta.type === "scanner" && !SKIPPED_RULES.has(r.meta.id));

/** secretlint's recommended preset as a scanner: one pass over all texts (its cost is mostly per call). */
export const secretlintScanner: SecretScanner = batched((text) => scanWith(SCANNERS, text));
