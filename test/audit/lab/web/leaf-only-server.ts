/**
 * A TLS server that sends the leaf certificate alone, run as a separate process: within one Node process OpenSSL
 * completes chains from intermediates loaded by any context, so "intermediate not served" cannot be
 * modelled by the lab's own servers. The child prints its port on stdout and exits when stdin closes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

const CHILD = `
const https = require("node:https");
const fs = require("node:fs");
const server = https.createServer({ cert: fs.readFileSync(process.argv[1]), key: fs.readFileSync(process.argv[2]) }, (req, res) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.end("<p>leaf only</p>");
});
server.on("tlsClientError", () => {});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

export interface LeafOnlyServer {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startLeafOnlyServer(dir: string, certPem: string, keyPem: string): Promise<LeafOnlyServer> {
  const certFile = join(dir, "leaf-only.crt");
  const keyFile = join(dir, "leaf-only.key");
  await writeFile(certFile, certPem);
  await writeFile(keyFile, keyPem);
  const child: ChildProcess = spawn(process.execPath, ["-e", CHILD, certFile, keyFile], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("leaf-only server: no port within 10 s")), 10_000);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`leaf-only server exited early (${code ?? "signal"})`)));
    child.stdout?.once("data", (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(Number(chunk.toString().trim()));
    });
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin?.end();
      }),
  };
}
