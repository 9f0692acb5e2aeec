/**
 * DNS over TCP for the lab's own servers: each message is preceded by its two-byte length (RFC 1035 §4.2.2).
 * One reader for the fault server and the tamper proxy; `answer` may be sync or async and may decline to answer.
 */
import type net from "node:net";

export function serveDnsOverTcp(sock: net.Socket, sockets: Set<net.Socket>, answer: (msg: Buffer) => Buffer | undefined | Promise<Buffer | undefined>): void {
  sockets.add(sock);
  sock.on("close", () => sockets.delete(sock));
  sock.on("error", () => sock.destroy());
  let buf = Buffer.alloc(0);
  sock.on("data", (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
      const msg = Buffer.from(buf.subarray(2, 2 + buf.readUInt16BE(0)));
      buf = buf.subarray(2 + msg.length);
      void Promise.resolve(answer(msg)).then((out) => {
        if (!out || sock.destroyed) return;
        const len = Buffer.alloc(2);
        len.writeUInt16BE(out.length, 0);
        sock.write(Buffer.concat([len, out]));
      });
    }
  });
}
