/**
 * The `secrets.no_plaintext` judge: is any credential planned (or configured) as plaintext? A value is a
 * credential when its name says so (`apiToken`, `secretString`) or its content does (a PEM private key, a
 * provider token, a labelled high-entropy value: see `detect.ts`), at any depth of any input. Facts name the
 * subject and the path and what kind of credential it is; never the value.
 */
import { cannotTell, judged, notApplicable, type Verdict } from "../judge";
import { isCredentialName } from "./names";
import { kindsOf, type SecretScanner } from "./scanner";

const ID = "secrets.no_plaintext";

/**
 * How a value reaches the state:
 * - `secret`: a Pulumi secret (encrypted in the state, masked in previews);
 * - `generated`: computed from another resource (CrossGuard cannot see secretness, only where a value came from);
 * - `literal`: neither: a literal in the program or a plaintext stack-config value;
 * - `unknown`: the runner cannot tell (CrossGuard decrypts config before a policy sees it).
 */
export type Protection = "secret" | "generated" | "literal" | "unknown";

export interface PlannedEntry {
  /** The top-level input name or the stack-config key. */
  readonly key: string;
  readonly value: unknown;
  readonly protection: Protection;
}

export interface PlaintextSubject {
  /** What the entries belong to, as the user reads it: a resource name, a stack file. */
  readonly label: string;
  readonly entries: readonly PlannedEntry[];
  /** Joins the label and a path: `name.path` for a resource, `file: key` for a stack file. */
  readonly join?: (label: string, path: string) => string;
}

interface Credential {
  readonly path: string;
  readonly kinds: readonly string[];
  readonly protection: Protection;
}

/** Markers a value may already be (an offline-preview placeholder, an unknown): not a credential. */
const MARKER = /^\[(?:secret|unknown|withheld: [^\]]*)\]$/;
/** `true`/`false`: what an explicit provider's boolean settings serialise to. */
const SWITCH = /^(?:true|false)$/;

interface Leaf {
  readonly path: string;
  readonly text: string;
  /** Under a credential name: a credential whatever it looks like. */
  readonly named: boolean;
  readonly protection: Protection;
}

function leavesOf(entry: PlannedEntry): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, path: string, named: boolean): void => {
    if (typeof v === "string") {
      // A placeholder (`[secret]` for a `secure:` value the offline preview cannot decrypt) is still the
      // credential when its name says so; otherwise it holds nothing to look at.
      // A provider's boolean setting arrives as a string (`skipCredentialsValidation: "false"`): a switch, not a credential.
      if (v !== "" && !(named && SWITCH.test(v)) && (named || !MARKER.test(v))) out.push({ path, text: v, named, protection: entry.protection });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`, named));
    } else if (typeof v === "object" && v !== null) {
      for (const [k, item] of Object.entries(v)) walk(item, `${path}.${k}`, named || isCredentialName(k));
    }
  };
  walk(entry.value, entry.key, isCredentialName(entry.key.split(":").pop() ?? entry.key));
  return out;
}

/**
 * The scanner's findings for every text of every subject, from one call: a scanner's cost is mostly per call
 * (secretlint sets up each of its rules per call), and a plan repeats the same texts across resources.
 */
function findingsFor(leaves: readonly (readonly Leaf[])[], scanner: SecretScanner): (texts: readonly Leaf[]) => ReturnType<SecretScanner> {
  const distinct = [...new Set(leaves.flatMap((ls) => ls.map((l) => l.text)))];
  const found = scanner(distinct);
  const byText = new Map(distinct.map((t, i) => [t, found[i] ?? []]));
  return (ls) => ls.map((l) => byText.get(l.text) ?? []);
}

function credentialsIn(leaves: readonly Leaf[], findings: ReturnType<SecretScanner>): Credential[] {
  return leaves.flatMap((leaf, i): Credential[] => {
    const kinds = kindsOf(findings[i] ?? []);
    if (leaf.named) kinds.unshift("named as a credential");
    return kinds.length > 0 ? [{ path: leaf.path, kinds, protection: leaf.protection }] : [];
  });
}

function describe(kinds: readonly string[]): string {
  return kinds.join(", ");
}

/** One verdict per subject (a resource, the stack file). */
export function judgeNoPlaintext(subject: PlaintextSubject, scanner: SecretScanner): Verdict {
  return judgeNoPlaintextEach([subject], scanner)[0] ?? notApplicable(`${subject.label}: no credential-looking value.`);
}

/** One verdict per subject, in order, with one scan of all their values (a whole plan at once). */
export function judgeNoPlaintextEach(subjects: readonly PlaintextSubject[], scanner: SecretScanner): Verdict[] {
  const leaves = subjects.map((s) => s.entries.flatMap(leavesOf));
  const scanned = findingsFor(leaves, scanner);
  return subjects.map((subject, i) => verdictFor(subject, credentialsIn(leaves[i] ?? [], scanned(leaves[i] ?? []))));
}

function verdictFor(subject: PlaintextSubject, found: readonly Credential[]): Verdict {
  const join = subject.join ?? ((label: string, path: string) => `${label}.${path}`);
  if (found.length === 0) return notApplicable(`${subject.label}: no credential-looking value.`);
  const plaintext = found.filter((c) => c.protection === "literal");
  if (plaintext.length > 0) {
    return judged(
      ID,
      "plaintext",
      plaintext.map((c) => `${join(subject.label, c.path)} is planned as plaintext: ${describe(c.kinds)} (value withheld)`),
    );
  }
  const unknown = found.filter((c) => c.protection === "unknown");
  if (unknown.length > 0) {
    return cannotTell(
      `${unknown.map((c) => join(subject.label, c.path)).join(", ")}: CrossGuard hands policies decrypted values, so it cannot tell whether they are secrets; \`launch-ready preview\` checks the stack file`,
    );
  }
  return judged(ID, "secret", [`${subject.label}: ${found.length} credential-looking value(s), all secret or generated`]);
}
