import { isInsideZalo } from "./environment";
import { chooseZaloImages } from "./sdk";

/**
 * Where a report's photos come from: Zalo's picker (album or camera) inside Zalo, a file input in a
 * browser. Either way the app gets Blobs, checked here before anything is uploaded.
 */

export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;
const acceptedTypes = ["image/jpeg", "image/png", "image/webp"] as const;
type PhotoType = (typeof acceptedTypes)[number];

/** Inside Zalo the page shows a button that opens Zalo's picker; in a browser, a file input. */
export function usesZaloPhotoPicker(): boolean {
  return isInsideZalo();
}

export function chooseZaloPhotos(count: number): Promise<Blob[]> {
  return chooseZaloImages(count);
}

/** The type by the first bytes: Zalo's temporary files and some browsers give no or a wrong type. */
async function sniffType(photo: Blob): Promise<PhotoType | null> {
  const head = new Uint8Array(await photo.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.slice(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head[0] === 0x89 && ascii(1, 4) === "PNG") return "image/png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

export type CheckedPhoto = { ok: true; photo: Blob } | { ok: false; message: string };

/** Refuses what the server would refuse (over 3 MB, not JPG/PNG/WEBP) with a message the resident understands. */
export async function checkPhoto(photo: Blob, name: string): Promise<CheckedPhoto> {
  const label = name ? `Ảnh “${name}”` : "Ảnh đã chọn";
  if (photo.size > MAX_PHOTO_BYTES) {
    const megabytes = (photo.size / 1024 / 1024).toFixed(1).replace(".", ",");
    return {
      ok: false,
      message: `${label} nặng ${megabytes} MB, quá giới hạn 3 MB. Vui lòng chọn ảnh nhỏ hơn.`,
    };
  }
  const type = await sniffType(photo);
  if (!type) return { ok: false, message: `${label} không phải ảnh JPG, PNG hoặc WEBP.` };
  return { ok: true, photo: photo.type === type ? photo : new Blob([photo], { type }) };
}
