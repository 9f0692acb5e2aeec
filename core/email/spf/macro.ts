/**
 * Syntax of SPF macro strings and domain-specs (RFC 7208 §7.1 and §12). Expansion needs the sender's IP and
 * address, which an audit does not have: terms with macros are checked for syntax and counted, never expanded.
 */

const MACRO_LETTERS = "slodiphcrtv";
/** `c`, `r` and `t` are only allowed in the `exp` explanation string (RFC 7208 §7.2). */
const EXP_ONLY_LETTERS = "crt";
const DELIMITERS = ".-+,/_=";

export interface MacroCheck {
  readonly errors: readonly string[];
  readonly hasMacros: boolean;
}

/** Checks a macro-string; `explanation` allows the letters reserved for `exp`. */
export function checkMacroString(text: string, explanation = false): MacroCheck {
  const errors: string[] = [];
  let hasMacros = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const code = ch.charCodeAt(0);
    if (ch === "%") {
      const next = text[i + 1];
      if (next === "%" || next === "_" || next === "-") {
        i += 2;
        continue;
      }
      if (next !== "{") {
        errors.push(`"%" at position ${i + 1} must start a macro (%{…}) or be escaped as "%%"`);
        i += 1;
        continue;
      }
      const close = text.indexOf("}", i);
      if (close < 0) {
        errors.push(`macro at position ${i + 1} is not closed with "}"`);
        break;
      }
      const body = text.slice(i + 2, close);
      const match = /^([A-Za-z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
      const letter = match?.[1]?.toLowerCase() ?? "";
      if (!match || !MACRO_LETTERS.includes(letter) || [...(match[4] ?? "")].some((d) => !DELIMITERS.includes(d))) {
        errors.push(`macro "%{${body}}" is not valid (letter, digits, optional "r", delimiters)`);
      } else if (!explanation && EXP_ONLY_LETTERS.includes(letter)) {
        errors.push(`macro "%{${body}}" uses "${letter}", which is only allowed in exp=`);
      }
      hasMacros = true;
      i = close + 1;
      continue;
    }
    // macro-literal = %x21-24 / %x26-7E (visible ASCII except "%")
    if (code < 0x21 || code > 0x7e) {
      errors.push(`character ${JSON.stringify(ch)} at position ${i + 1} is not allowed`);
    }
    i += 1;
  }
  return { errors, hasMacros };
}

const TOPLABEL = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

/**
 * A domain-spec is a macro-string ending in a macro or in "." toplabel ["."] (RFC 7208 §12): so a bare
 * single-label name like `include:localhost` is a syntax error.
 */
export function checkDomainSpec(spec: string): MacroCheck {
  if (spec === "") return { errors: ["the domain is empty"], hasMacros: false };
  const base = checkMacroString(spec);
  const errors = [...base.errors];
  if (errors.length === 0) {
    const endsWithMacro = /%\{[^}]*\}$/.test(spec);
    if (!endsWithMacro) {
      const withoutDot = spec.endsWith(".") ? spec.slice(0, -1) : spec;
      const lastDot = withoutDot.lastIndexOf(".");
      const top = lastDot >= 0 ? withoutDot.slice(lastDot + 1) : "";
      if (lastDot < 0 || !TOPLABEL.test(top)) {
        errors.push(`"${spec}" does not end in a valid top-level label (needs a dot and a non-numeric label)`);
      }
    }
  }
  return { errors, hasMacros: base.hasMacros };
}
