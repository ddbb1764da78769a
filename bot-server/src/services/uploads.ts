import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_UPLOAD_BYTES } from "@loa-phuong/shared";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import sharp from "sharp";
import { AppError, notFound } from "../errors/app-error.js";
import type { Db, Tx } from "../store/database.js";
import { uploads } from "../store/schema/index.js";

type ImageType = "image/jpeg" | "image/png" | "image/webp";

/** The image type by its first bytes: a declared content-type is not trusted. */
export function sniffImage(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "image/png";
  if (
    bytes.length >= 12 &&
    bytes.toString("ascii", 0, 4) === "RIFF" &&
    bytes.toString("ascii", 8, 12) === "WEBP"
  )
    return "image/webp";
  return undefined;
}

/** Largest side kept: a phone photo is shrunk to what a report needs, and its bytes with it. */
const MAX_SIDE = 2048;
/** Pixels decoded at most: a small file that unpacks into a huge image is refused, not decoded. */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Decodes the image and encodes it again in its own format: what is stored is pixels we produced,
 * never the bytes sent (a JPEG header followed by HTML, a payload hidden after the image), and
 * without metadata (GPS position, camera, owner). Turned upright by its EXIF orientation first.
 */
async function reencode(bytes: Buffer, type: ImageType): Promise<Buffer> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true });
    if (type === "image/jpeg") return await image.jpeg({ quality: 85 }).toBuffer();
    if (type === "image/png") return await image.png({ compressionLevel: 9 }).toBuffer();
    return await image.webp({ quality: 85 }).toBuffer();
  } catch {
    throw new AppError("unsupported_media", "Không đọc được ảnh (ảnh hỏng hoặc quá lớn về số điểm ảnh).");
  }
}

export async function storeUpload(db: Db, dir: string, residentId: string, sent: Buffer) {
  if (sent.length === 0)
    throw new AppError("validation_failed", "Ảnh trống.", [
      { field: "body", message: "Không có dữ liệu ảnh" },
    ]);
  if (sent.length > MAX_UPLOAD_BYTES) throw new AppError("payload_too_large", "Ảnh quá 3 MB.");
  const contentType = sniffImage(sent);
  if (!contentType) throw new AppError("unsupported_media");
  const bytes = await reencode(sent, contentType);
  const id = randomUUID();
  const storageKey = `${id}.${contentType.split("/")[1]}`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, storageKey), bytes);
  await db.insert(uploads).values({ id, residentId, contentType, bytes: bytes.length, storageKey });
  return { id, url: `/api/uploads/${id}`, bytes: bytes.length, contentType };
}

/** Uploads never attached to a report within a day: their rows and files go. */
export async function purgeUnattachedUploads(db: Db, dir: string, olderThanMs = 86_400_000): Promise<number> {
  const removed = await db
    .delete(uploads)
    .where(
      and(
        isNull(uploads.signalId),
        isNull(uploads.taskReportId),
        lt(uploads.createdAt, new Date(Date.now() - olderThanMs)),
      ),
    )
    .returning({ storageKey: uploads.storageKey });
  await Promise.all(removed.map((u) => rm(path.join(dir, u.storageKey), { force: true })));
  return removed.length;
}

/**
 * Attaches a resident's own unattached uploads to a signal (or to a unit's task report); any other id
 * is refused.
 */
export async function attachUploads(
  tx: Tx,
  residentId: string,
  uploadIds: string[],
  to: number | { taskReportId: number },
): Promise<void> {
  if (uploadIds.length === 0) return;
  const attached = await tx
    .update(uploads)
    .set(typeof to === "number" ? { signalId: to } : { taskReportId: to.taskReportId })
    .where(
      and(
        inArray(uploads.id, uploadIds),
        eq(uploads.residentId, residentId),
        isNull(uploads.signalId),
        isNull(uploads.taskReportId),
      ),
    )
    .returning({ id: uploads.id });
  if (attached.length !== new Set(uploadIds).size) {
    throw new AppError("validation_failed", "Ảnh không hợp lệ hoặc đã được dùng.", [
      { field: "body.uploadIds", message: "Ảnh không thuộc về bạn hoặc đã gửi" },
    ]);
  }
}

export async function readUpload(
  db: Db,
  dir: string,
  id: string,
  viewer: { residentId?: string; isStaff: boolean },
) {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  if (!row || (!viewer.isStaff && row.residentId !== viewer.residentId)) throw notFound("ảnh");
  return { contentType: row.contentType, bytes: await readFile(path.join(dir, row.storageKey)) };
}
