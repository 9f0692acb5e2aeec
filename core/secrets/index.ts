export { codeScanner, defaultScanner } from "./detect";
export { shannonEntropy, looksGenerated } from "./entropy";
export { judgeNoPlaintext, judgeNoPlaintextEach, type PlannedEntry, type PlaintextSubject, type Protection } from "./judge";
export { isCredentialName } from "./names";
export { formatScanner, patternScanner } from "./patterns";
export { createRedactor, FRAGMENT_LENGTH, MIN_SCRUBBED_SECRET, SECRET_MARK, withheldMark, type Redactor, type RedactorOptions } from "./redact";
export { batched, combineScanners, kindsOf, mergeFindings, scanOne, type SecretFinding, type SecretScanner } from "./scanner";
export { secretlintScanner } from "./secretlint";
