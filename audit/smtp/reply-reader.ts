/**
 * Reads SMTP replies off a byte stream (RFC 5321 §4.2): lines `ddd-text` continue a reply, `ddd text` ends it.
 * Bounded: a server that sends endless or oversized lines is cut off rather than buffered forever.
 */
export interface SmtpReply {
  readonly code: number;
  readonly lines: readonly string[];
}

export const MAX_REPLY_BYTES = 64 * 1024;

export class ReplyReader {
  private buffer = "";
  private lines: string[] = [];
  private readonly ready: SmtpReply[] = [];
  private waiting: ((r: SmtpReply | Error) => void) | undefined;
  private failure: Error | undefined;

  push(chunk: Buffer | string): void {
    this.buffer += typeof chunk === "string" ? chunk : chunk.toString("latin1");
    if (this.buffer.length > MAX_REPLY_BYTES) {
      this.fail(new Error(`the server sent more than ${MAX_REPLY_BYTES} bytes without ending its reply`));
      return;
    }
    let nl: number;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, "");
      this.buffer = this.buffer.slice(nl + 1);
      const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (!m) {
        this.fail(new Error(`the server sent a line that is not an SMTP reply: ${JSON.stringify(line.slice(0, 80))}`));
        return;
      }
      this.lines.push(m[3] ?? "");
      if (m[2] !== "-") {
        this.deliver({ code: Number(m[1]), lines: this.lines });
        this.lines = [];
      }
    }
  }

  fail(err: Error): void {
    this.failure ??= err;
    const w = this.waiting;
    this.waiting = undefined;
    w?.(err);
  }

  private deliver(r: SmtpReply): void {
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w(r);
    } else this.ready.push(r);
  }

  /** The next complete reply; rejects once the stream failed or closed. */
  next(): Promise<SmtpReply> {
    const r = this.ready.shift();
    if (r) return Promise.resolve(r);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = (x) => (x instanceof Error ? reject(x) : resolve(x));
    });
  }
}
