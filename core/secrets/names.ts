/**
 * Names that say "this holds a credential": resource input names (Cloudflare, AWS and random providers), stack
 * config keys (`cloudflare:apiToken`) and header or evidence keys (`x-api-key`). Matched on the last path segment.
 */
const CREDENTIAL_NAME =
  /(password|passphrase|passwd|secret(string|value|binary)?$|secret[-_]?(access[-_]?)?key|access[-_]?key|service[-_]?key|token$|api[-_]?key|api[-_]?token|private[-_]?key|(?<!allow[-_]?)credential|authorization$)/i;

// `access-control-allow-credentials` (CORS, a boolean) is the one header whose name says "credential" and holds none.

/** True when a key names a credential (the value behind it must be secret, whatever it looks like). */
export function isCredentialName(key: string): boolean {
  return CREDENTIAL_NAME.test(key);
}
