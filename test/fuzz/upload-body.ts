import type { UploadKind } from "./plans.js";
import type { Draft } from "./request-draft.js";

/** A small photo, or something claiming to be an image. */
export function uploadOf(photo: Buffer, kind: UploadKind): Draft["body"] {
  const png = (bytes: Buffer) => ({ kind: "bytes" as const, bytes, contentType: "image/png" });
  switch (kind) {
    case "png":
      return png(photo);
    case "jpegGarbage":
      return {
        kind: "bytes",
        bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]),
        contentType: "image/jpeg",
      };
    case "empty":
      return png(Buffer.alloc(0));
    case "text":
      return { kind: "bytes", bytes: Buffer.from("không phải ảnh"), contentType: "image/webp" };
    case "bomb": {
      // A well-formed PNG header (its checksum redone) claiming 100,000 × 100,000 pixels.
      const bomb = Buffer.from(photo);
      bomb.writeUInt32BE(100_000, 16);
      bomb.writeUInt32BE(100_000, 20);
      bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
      return png(bomb);
    }
    case "svg":
      return {
        kind: "bytes",
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        contentType: "image/svg+xml",
      };
    case "truncated":
      return png(photo.subarray(0, 30));
    case "gif":
      return {
        kind: "bytes",
        bytes: Buffer.from("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"),
        contentType: "image/gif",
      };
  }
}

/** CRC-32 as PNG chunks carry it. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
