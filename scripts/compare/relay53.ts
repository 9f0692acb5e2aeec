/**
 * A DNS relay on port 53 of a loopback address, forwarding to the lab's Knot. Tools built on glibc's resolver
 * (opendmarc-check) read only `/etc/resolv.conf`, whose `nameserver` lines take no port: they get a private
 * resolv.conf naming this relay, bind-mounted in a mount namespace of their own (see `privateResolvConf`).
 * UDP and TCP, one exchange per datagram or connection; nothing but the lab's address is ever dialled.
 */
import dgram from "node:dgram";
import net from "node:net";

export interface Relay53 {
  /** The loopback address listening on port 53. */
  readonly address: string;
  close(): Promise<void>;
}

export async function startRelay53(upstream: { readonly host: string; readonly port: number }, address = "127.0.5.3"): Promise<Relay53> {
  const udp = dgram.createSocket("udp4");
  udp.on("message", (msg, rinfo) => {
    const out = dgram.createSocket("udp4");
    const timer = setTimeout(() => out.close(), 5000);
    out.on("message", (answer) => {
      clearTimeout(timer);
      udp.send(answer, rinfo.port, rinfo.address, () => out.close());
    });
    out.on("error", () => out.close());
    out.send(msg, upstream.port, upstream.host);
  });
  const tcp = net.createServer((client) => {
    const server = net.connect(upstream.port, upstream.host);
    client.pipe(server).pipe(client);
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", end);
    server.on("error", end);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once("error", reject);
    udp.bind(53, address, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once("error", reject);
    tcp.listen(53, address, () => resolve());
  });
  return {
    address,
    close: () => new Promise<void>((resolve) => tcp.close(() => udp.close(() => resolve()))),
  };
}

/**
 * The argv that runs `argv` with `resolvConf` in place of /etc/resolv.conf, in a private mount namespace (root and
 * util-linux `unshare` needed): the system file is never read and never changed.
 */
export function withPrivateResolvConf(resolvConf: string, argv: readonly string[]): string[] {
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return ["unshare", "--mount", "--propagation", "private", "sh", "-c", `mount --bind '${resolvConf}' /etc/resolv.conf && exec ${quoted}`];
}
