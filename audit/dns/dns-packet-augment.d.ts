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
  export const answer: {
    encode(a: Answer, buf?: Buffer, offset?: number): Buffer;
    encodingLength(a: Answer): number;
  };
  export function record(type: string): RecordEncoder;
}
