/**
 * Credentials for the secret tests, built at run time: keys are generated, tokens are assembled from parts so no
 * complete token sits in the repository for a scanner to trip on.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `n` random characters from `alphabet`. */
export function randomFrom(alphabet: string, n: number): string {
  return [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join("");
}

export function pemPrivateKey(kind: "ec" | "rsa" = "ec"): string {
  const { privateKey } = kind === "ec" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("rsa", { modulusLength: 1024 });
  return privateKey.export({ format: "pem", type: kind === "ec" ? "pkcs8" : "pkcs1" }).toString();
}

export const CREDENTIALS = {
  awsAccessKeyId: () => "AKIA" + randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
  githubToken: () => "ghp_" + randomFrom(ALNUM, 36),
  slackToken: () => ["xoxb", "123456789012", "1234567890123", randomFrom(ALNUM, 24)].join("-"),
  stripeKey: () => ["sk", "live", randomFrom(ALNUM, 24)].join("_"),
  cloudflareToken: () => "cfut_" + randomFrom(ALNUM, 40) + randomFrom(ALNUM, 8),
  jwt: () => ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", randomFrom(ALNUM, 43)].join("."),
  labelledPassword: () => `password=${randomFrom(ALNUM, 24)}`,
  databaseUrl: () => `postgres://app:${randomFrom(ALNUM, 20)}@db.acme.example:5432/app`,
} as const;

/** Public values that are as random as credentials and must never be flagged. */
export const PUBLIC_VALUES = [
  // a DKIM public key record (RFC 6376 §3.6.1)
  "v=DKIM1; k=rsa; p=bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB1L9RIvNEVUxTveLruM0rfj0WAK1jHDhaXXzOI8d4VFmtvBtMkA/+SNV1tdpcY4BAEl9l2w",
  "acme-site-verification=4f9c2a7e1b8d6f3a0c5e9b2d7a4f1c8e6b3d0a9f",
  "google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ",
  "0f3a2b1c4d5e6f708192a3b4c5d6e7f8",
  "v=spf1 include:_spf.google.com include:amazonses.com -all",
  "2371 13 2 C988EC423E3880EB8DD8A46FE06CA230EE23F35B578D8B6B9A2B0E4A9BE54E3D",
  "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
  "acme-prod-1234567890.eu-west-1.elb.amazonaws.com",
  "max-age=31536000; includeSubDomains; preload",
  "script-src 'self' 'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='",
  "(http.host eq \"www.acme.example\" and not ssl)",
  "password=short",
];
