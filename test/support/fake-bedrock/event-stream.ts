/**
 * AWS event-stream framing (application/vnd.amazon.eventstream), written from the format itself rather than
 * with the SDK's codec, so the SDK's decoder is tested against bytes it did not make: a prelude (total length,
 * headers length, CRC32 of those 8 bytes), string headers, the payload, and a CRC32 of everything before it.
 */
import { crc32 } from 'node:zlib';

const STRING_HEADER = 7;

function encodeHeaders(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(1 + nameBytes.length + 1 + 2);
    head.writeUInt8(nameBytes.length, 0);
    nameBytes.copy(head, 1);
    head.writeUInt8(STRING_HEADER, 1 + nameBytes.length);
    head.writeUInt16BE(valueBytes.length, 2 + nameBytes.length);
    parts.push(head, valueBytes);
  }
  return Buffer.concat(parts);
}

export function eventMessage(headers: Record<string, string>, payload: Buffer): Buffer {
  const headerBytes = encodeHeaders(headers);
  const total = 12 + headerBytes.length + payload.length + 4;
  const prelude = Buffer.alloc(12);
  prelude.writeUInt32BE(total, 0);
  prelude.writeUInt32BE(headerBytes.length, 4);
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
  const body = Buffer.concat([prelude, headerBytes, payload]);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([body, trailer]);
}

/** One event of a ConverseStream reply (`messageStart`, `contentBlockDelta`, `metadata`…). */
export function streamEvent(type: string, body: unknown): Buffer {
  const headers = { ':message-type': 'event', ':event-type': type, ':content-type': 'application/json' };
  return eventMessage(headers, Buffer.from(JSON.stringify(body), 'utf8'));
}

/** An exception sent inside the stream after it began (`throttlingException`, `modelStreamErrorException`…). */
export function streamException(type: string, message: string): Buffer {
  const headers = { ':message-type': 'exception', ':exception-type': type, ':content-type': 'application/json' };
  return eventMessage(headers, Buffer.from(JSON.stringify({ message }), 'utf8'));
}
