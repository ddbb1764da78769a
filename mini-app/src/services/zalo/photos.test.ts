import { describe, expect, it } from "vitest";
import { checkPhoto, chooseZaloPhotos, MAX_PHOTO_BYTES, usesZaloPhotoPicker } from "./photos";

const jpeg = (size = 1000) => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
};
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");

describe("photos in a browser", () => {
  it("uses a file input, and refuses Zalo's picker gracefully", async () => {
    expect(usesZaloPhotoPicker()).toBe(false);
    await expect(chooseZaloPhotos(3)).rejects.toThrow("Vui lòng mở Loa Phường trong ứng dụng Zalo.");
  });
});

describe("checkPhoto", () => {
  it("accepts JPG, PNG and WEBP by their bytes, giving the type when the file has none", async () => {
    const fromZalo = await checkPhoto(new Blob([jpeg()]), "ảnh 1");
    expect(fromZalo.ok && fromZalo.photo.type).toBe("image/jpeg");
    const named = await checkPhoto(new File([png], "so-do.png", { type: "image/png" }), "so-do.png");
    expect(named.ok && named.photo.type).toBe("image/png");
    const modern = await checkPhoto(new Blob([webp], { type: "application/octet-stream" }), "a.webp");
    expect(modern.ok && modern.photo.type).toBe("image/webp");
  });

  it("refuses what is not a JPG, PNG or WEBP, naming the file", async () => {
    const heic = new File([new TextEncoder().encode("\0\0\0\x18ftypheic")], "IMG_0001.HEIC", {
      type: "image/heic",
    });
    await expect(checkPhoto(heic, heic.name)).resolves.toEqual({
      ok: false,
      message: "Ảnh “IMG_0001.HEIC” không phải ảnh JPG, PNG hoặc WEBP.",
    });
  });

  it("refuses a photo over 3 MB with its size in Vietnamese notation", async () => {
    const big = new Blob([jpeg(Math.round(3.2 * 1024 * 1024))], { type: "image/jpeg" });
    expect(big.size).toBeGreaterThan(MAX_PHOTO_BYTES);
    await expect(checkPhoto(big, "")).resolves.toEqual({
      ok: false,
      message: "Ảnh đã chọn nặng 3,2 MB, quá giới hạn 3 MB. Vui lòng chọn ảnh nhỏ hơn.",
    });
  });

  it("accepts a photo of exactly 3 MB", async () => {
    const result = await checkPhoto(new Blob([jpeg(MAX_PHOTO_BYTES)], { type: "image/jpeg" }), "a.jpg");
    expect(result.ok).toBe(true);
  });
});
