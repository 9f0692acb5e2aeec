/**
 * dns-packet exports more than its published types declare: the response code of a decoded packet, and the
 * per-record encoders (which never compress names, as RFC 4034 §6.2 canonical form requires).
 */
import "dns-packet";

declare module "dns-packet" {
  interface DecodedPacket {
    rcode: string;
  }
  interface RecordEncoder {
    encode(data: unknown, buf?: Buffer, offset?: number): Buffer;
    encodingLength(data: unknown): number;
  }
  /** Any decoded answer shape; `data` as the per-type decoder produced it. */
  interface LooseAnswer {
    name: string;
    type: string;
    class?: string;
    ttl?: number;
    data: unknown;
  }
  export const answer: {
    encode(a: LooseAnswer, buf?: Buffer, offset?: number): Buffer;
    encodingLength(a: LooseAnswer): number;
  };
  export const name: {
    encode(n: string, buf?: Buffer, offset?: number): Buffer;
  };
  export function record(type: string): RecordEncoder;
}
