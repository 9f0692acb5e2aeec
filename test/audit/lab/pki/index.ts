/**
 * A throwaway PKI for the loopback lab, built with the `openssl` CLI in a temp dir.
 *
 * Why the CLI and `openssl ca`: OpenSSL 3.0 cannot backdate with `x509`, but `openssl ca -startdate/-enddate` can,
 * which the expired / expiring / not-yet-valid leaves need. Keys are EC P-256 (well under a second each).
 */
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface LabCert {
  readonly certPem: string;
  readonly keyPem: string;
  /** Leaf + intermediate (what a correctly configured server sends). For self-signed leaves: the leaf alone. */
  readonly chainPem: string;
}

export interface LeafOptions {
  /** DNS SANs; the first is also the CN unless `cn` is given. */
  readonly sans: readonly string[];
  /** The subject CN, when it should differ from the first SAN (or there is no SAN). */
  readonly cn?: string;
  /**
   * The subjectAltName extension as OpenSSL writes it (e.g. `IP:127.0.0.1, email:a@b.test`), replacing the DNS
   * entries made from `sans`; `null` leaves the extension out (a CN-only certificate).
   */
  readonly subjectAltName?: string | null;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly key?: "ec-p256" | "rsa-1024" | "rsa-2048";
  /** Signed by the leaf's own key instead of the intermediate. */
  readonly selfSigned?: boolean;
  /** Signature digest; `sha1` makes a weak signature for `tls.key_sig`. */
  readonly digest?: "sha256" | "sha1";
}

export interface LabPki {
  readonly dir: string;
  readonly rootPem: string;
  readonly intermediatePem: string;
  /** SANs = the hosts; 1 day old, 89 days left. */
  readonly valid: LabCert;
  /** Ended 10 days ago. */
  readonly expired: LabCert;
  /** Ends in 5 days. */
  readonly expiring: LabCert;
  /** Starts in 10 days. */
  readonly notYetValid: LabCert;
  /** Valid, but names only `wrong-host.lab.invalid`. */
  readonly wrongHost: LabCert;
  /** Valid dates and names, signed by its own key. */
  readonly selfSigned: LabCert;
  /** RSA 1024-bit leaf, or `undefined` when this openssl refuses to make one. */
  readonly rsa1024: LabCert | undefined;
  /** Issue another leaf from the same intermediate (or self-signed). */
  issue(opts: LeafOptions): Promise<LabCert>;
  cleanup(): Promise<void>;
}

const DAY_MS = 86_400_000;

function run(dir: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("openssl", [...args], { cwd: dir, timeout: 20_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`openssl ${args[0] ?? ""} failed: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** GeneralizedTime as `openssl ca -startdate/-enddate` take it. */
function asn1Time(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, "").replace(/\.\d{3}Z$/, "Z");
}

const CONFIG = (dir: string) => `
[ ca ]
default_ca = lab
[ lab ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/newcerts
serial = ${dir}/serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
commonName = supplied
organizationName = optional
[ req ]
distinguished_name = req_dn
prompt = no
[ req_dn ]
CN = placeholder
`;

const ROOT_EXT = `[ ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
`;

const INTERMEDIATE_EXT = `[ ext ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function leafExt(sans: readonly string[], selfSigned: boolean, subjectAltName?: string | null): string {
  const san = subjectAltName === undefined ? sans.map((s) => `DNS:${s}`).join(", ") : subjectAltName;
  const lines = [
    "[ ext ]",
    "basicConstraints = critical, CA:false",
    "keyUsage = critical, digitalSignature, keyEncipherment",
    "extendedKeyUsage = serverAuth, clientAuth",
    ...(san === null ? [] : [`subjectAltName = ${san}`]),
    "subjectKeyIdentifier = hash",
  ];
  if (!selfSigned) lines.push("authorityKeyIdentifier = keyid");
  return `${lines.join("\n")}\n`;
}

export async function createLabPki(opts: { hosts: readonly string[] }): Promise<LabPki> {
  if (opts.hosts.length === 0) throw new Error("createLabPki: give at least one host name for the valid leaf's SANs");
  const dir = await mkdtemp(join(tmpdir(), "lr-pki-"));
  try {
    await mkdir(join(dir, "newcerts"));
    await writeFile(join(dir, "index.txt"), "");
    await writeFile(join(dir, "serial"), "1000\n");
    await writeFile(join(dir, "ca.cnf"), CONFIG(dir));
    const now = Date.now();
    let seq = 0;

    const genKey = async (name: string, key: LeafOptions["key"] = "ec-p256"): Promise<string> => {
      const file = `${name}.key`;
      const algo =
        key === "ec-p256"
          ? ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
          : ["-algorithm", "RSA", "-pkeyopt", `rsa_keygen_bits:${key === "rsa-1024" ? 1024 : 2048}`];
      await run(dir, ["genpkey", ...algo, "-out", file]);
      return file;
    };

    // `openssl ca` shares one database: issue strictly one at a time.
    const sign = async (p: {
      name: string;
      cn: string;
      keyFile: string;
      ext: string;
      notBefore: Date;
      notAfter: Date;
      issuer?: { cert: string; key: string };
      digest?: "sha256" | "sha1";
    }): Promise<string> => {
      const csr = `${p.name}.csr`;
      const extFile = `${p.name}.ext`;
      const out = `${p.name}.pem`;
      await writeFile(join(dir, extFile), p.ext);
      await run(dir, ["req", "-new", "-config", "ca.cnf", "-key", p.keyFile, "-subj", `/CN=${p.cn}/O=launch-ready lab`, "-out", csr]);
      const issuerArgs = p.issuer ? ["-cert", p.issuer.cert, "-keyfile", p.issuer.key] : ["-selfsign", "-keyfile", p.keyFile];
      await run(dir, [
        "ca", "-batch", "-notext", "-config", "ca.cnf", ...issuerArgs,
        "-md", p.digest ?? "sha256",
        "-startdate", asn1Time(p.notBefore), "-enddate", asn1Time(p.notAfter),
        "-extfile", extFile, "-extensions", "ext", "-in", csr, "-out", out,
      ]);
      return out;
    };

    const rootKey = await genKey("root");
    const rootCert = await sign({
      name: "root", cn: "launch-ready lab root", keyFile: rootKey, ext: ROOT_EXT,
      notBefore: new Date(now - 400 * DAY_MS), notAfter: new Date(now + 3650 * DAY_MS),
    });
    const intKey = await genKey("intermediate");
    const intCert = await sign({
      name: "intermediate", cn: "launch-ready lab intermediate", keyFile: intKey, ext: INTERMEDIATE_EXT,
      notBefore: new Date(now - 400 * DAY_MS), notAfter: new Date(now + 1825 * DAY_MS),
      issuer: { cert: rootCert, key: rootKey },
    });
    const rootPem = await readFile(join(dir, rootCert), "utf8");
    const intermediatePem = await readFile(join(dir, intCert), "utf8");

    const issue = async (o: LeafOptions): Promise<LabCert> => {
      const first = o.cn ?? o.sans[0];
      if (first === undefined) throw new Error("LabPki.issue: give a SAN or a CN");
      const name = `leaf${++seq}`;
      const keyFile = await genKey(name, o.key ?? "ec-p256");
      const selfSigned = o.selfSigned ?? false;
      const certFile = await sign({
        name, cn: first, keyFile, ext: leafExt(o.sans, selfSigned, o.subjectAltName), notBefore: o.notBefore, notAfter: o.notAfter,
        digest: o.digest ?? "sha256",
        ...(selfSigned ? {} : { issuer: { cert: intCert, key: intKey } }),
      });
      const certPem = await readFile(join(dir, certFile), "utf8");
      const keyPem = await readFile(join(dir, keyFile), "utf8");
      return { certPem, keyPem, chainPem: selfSigned ? certPem : certPem + intermediatePem };
    };

    const days = (n: number) => new Date(now + n * DAY_MS);
    const hosts = opts.hosts;
    const valid = await issue({ sans: hosts, notBefore: days(-1), notAfter: days(89) });
    const expired = await issue({ sans: hosts, notBefore: days(-100), notAfter: days(-10) });
    const expiring = await issue({ sans: hosts, notBefore: days(-85), notAfter: days(5) });
    const notYetValid = await issue({ sans: hosts, notBefore: days(10), notAfter: days(100) });
    const wrongHost = await issue({ sans: ["wrong-host.lab.invalid"], notBefore: days(-1), notAfter: days(89) });
    const selfSigned = await issue({ sans: hosts, notBefore: days(-1), notAfter: days(89), selfSigned: true });
    let rsa1024: LabCert | undefined;
    try {
      rsa1024 = await issue({ sans: hosts, notBefore: days(-1), notAfter: days(89), key: "rsa-1024" });
    } catch {
      rsa1024 = undefined; // a hardened openssl may refuse 1024-bit keys; the caller sees `undefined`
    }

    return {
      dir, rootPem, intermediatePem, valid, expired, expiring, notYetValid, wrongHost, selfSigned, rsa1024, issue,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

export { labPkiAvailable, PKI_APT } from "./available";
