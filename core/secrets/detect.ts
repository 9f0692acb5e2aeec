/**
 * The one scanner every output path and the `secrets.no_plaintext` judge share: secretlint's recommended preset
 * (private keys, AWS, GitHub, Slack, npm, database URLs with passwords…) plus the formats in `patterns.ts`
 * (Cloudflare, Stripe, JWTs, labelled high-entropy values). What the judge flags is exactly what output redacts.
 */
import { formatScanner, patternScanner } from "./patterns";
import { combineScanners, type SecretScanner } from "./scanner";
import { secretlintScanner } from "./secretlint";

export const defaultScanner: SecretScanner = combineScanners(secretlintScanner, patternScanner);

/**
 * For code (a repository's files, a site's bundles): the same preset and issuer formats, without the label
 * heuristics that suit config values but flag identifiers in code (`patterns.ts`).
 */
export const codeScanner: SecretScanner = combineScanners(secretlintScanner, formatScanner);
