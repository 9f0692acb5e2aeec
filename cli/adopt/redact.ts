/**
 * What adopt prints is redacted like every other output: the API token, any plaintext value the stack file keeps
 * under a credential name (a `cloudflare:apiToken` written without `secure:`), and whatever the secret scanner
 * finds, since the YAML it prints is the user's whole stack file.
 */
import { createRedactor, defaultScanner, isCredentialName, type Redactor } from "../../core/secrets";

function credentialValues(v: unknown, key: string | undefined, out: string[]): void {
  if (typeof v === "string") {
    if (key !== undefined && isCredentialName(key.slice(key.indexOf(":") + 1))) out.push(v);
  } else if (Array.isArray(v)) v.forEach((x) => credentialValues(x, key, out));
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) credentialValues(x, k, out);
}

export function adoptRedactor(token: string, config: Readonly<Record<string, unknown>>): Redactor {
  const secrets = [token];
  credentialValues(config, undefined, secrets);
  return createRedactor({ scanner: defaultScanner, secretValues: secrets });
}
