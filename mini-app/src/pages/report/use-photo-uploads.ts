import { useCallback, useEffect, useRef, useState } from "react";
import { uploadPhoto } from "../../services/engagement-api";
import { checkPhoto } from "../../services/zalo/photos";
import { useSession } from "../../state/session";

export const maxPhotos = 3;

export interface PhotoItem {
  key: string;
  name: string;
  previewUrl: string;
  status: "uploading" | "uploaded" | "failed";
  uploadId?: string;
  message?: string;
}

let nextKey = 0;

function revokePreviews(photos: PhotoItem[]): void {
  for (const photo of photos) URL.revokeObjectURL(photo.previewUrl);
}

/**
 * A report's photos: each is checked (3 MB, JPG/PNG/WEBP) and uploaded as soon as it is picked, so
 * that sending the report only carries their ids. Previews are local object URLs, freed on removal.
 */
export function usePhotoUploads() {
  const { withToken } = useSession();
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [rejections, setRejections] = useState<string[]>([]);
  const photosRef = useRef(photos);
  photosRef.current = photos;

  useEffect(() => () => revokePreviews(photosRef.current), []);

  const add = useCallback(
    async (picked: { blob: Blob; name: string }[]) => {
      const update = (key: string, patch: Partial<PhotoItem>) =>
        setPhotos((current) => current.map((photo) => (photo.key === key ? { ...photo, ...patch } : photo)));
      const messages: string[] = [];
      const room = maxPhotos - photosRef.current.length;
      if (picked.length > room) messages.push(`Chỉ gửi được tối đa ${maxPhotos} ảnh cho một phản ánh.`);
      for (const { blob, name } of picked.slice(0, Math.max(0, room))) {
        const checked = await checkPhoto(blob, name);
        if (!checked.ok) {
          messages.push(checked.message);
          continue;
        }
        const item: PhotoItem = {
          key: `photo-${++nextKey}`,
          name,
          previewUrl: URL.createObjectURL(checked.photo),
          status: "uploading",
        };
        setPhotos((current) => [...current, item]);
        withToken((token) => uploadPhoto(token, checked.photo)).then(
          (uploaded) => update(item.key, { status: "uploaded", uploadId: uploaded.id }),
          (error: unknown) =>
            update(item.key, {
              status: "failed",
              message: error instanceof Error ? error.message : "Không tải ảnh lên được.",
            }),
        );
      }
      setRejections(messages);
    },
    [withToken],
  );

  const remove = useCallback((key: string) => {
    setPhotos((current) => {
      const gone = current.find((photo) => photo.key === key);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return current.filter((photo) => photo.key !== key);
    });
  }, []);

  const clear = useCallback(() => {
    revokePreviews(photosRef.current);
    setPhotos([]);
    setRejections([]);
  }, []);

  return { photos, rejections, add, remove, clear };
}
