import type { ChangeEvent } from "react";
import { Button } from "zmp-ui";
import { useAction } from "../../hooks/use-action";
import { chooseZaloPhotos, usesZaloPhotoPicker } from "../../services/zalo/photos";
import { maxPhotos, type PhotoItem } from "./use-photo-uploads";

/** Thumbnails with "Xóa", and the way to add photos: Zalo's picker inside Zalo, a file input in a browser. */
export function PhotoPicker(props: {
  photos: PhotoItem[];
  rejections: string[];
  onAdd(picked: { blob: Blob; name: string }[]): void;
  onRemove(key: string): void;
}) {
  const { photos, rejections, onAdd, onRemove } = props;
  const { error: pickError, run } = useAction("Không chọn được ảnh, vui lòng thử lại.");
  const isFull = photos.length >= maxPhotos;

  const pickInZalo = () =>
    run(async () => {
      const blobs = await chooseZaloPhotos(maxPhotos - photos.length);
      onAdd(blobs.map((blob, index) => ({ blob, name: `ảnh ${photos.length + index + 1}` })));
    });

  const pickFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // choosing the same file again still fires a change
    onAdd(files.map((file) => ({ blob: file, name: file.name })));
  };

  return (
    <fieldset className="field photo-field">
      <legend>Ảnh (không bắt buộc, tối đa {maxPhotos} ảnh, mỗi ảnh dưới 3 MB)</legend>
      {photos.length > 0 && (
        <ul className="photo-list">
          {photos.map((photo, index) => (
            <li key={photo.key} className="photo-item">
              <img src={photo.previewUrl} alt={`Ảnh ${index + 1} đã chọn`} />
              <span className="photo-status" role={photo.status === "failed" ? "alert" : undefined}>
                {photo.status === "uploading"
                  ? "Đang tải lên…"
                  : photo.status === "uploaded"
                    ? "Đã tải lên"
                    : photo.message}
              </span>
              <button
                type="button"
                className="photo-remove"
                onClick={() => onRemove(photo.key)}
                aria-label={`Xóa ảnh ${index + 1}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!isFull &&
        (usesZaloPhotoPicker() ? (
          <Button variant="secondary" size="medium" onClick={() => void pickInZalo()}>
            Thêm ảnh
          </Button>
        ) : (
          <label className="photo-add">
            <input type="file" accept="image/*" multiple className="visually-hidden" onChange={pickFiles} />
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M12 5v14M5 12h14" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            Thêm ảnh
          </label>
        ))}
      {[...rejections, ...(pickError ? [pickError] : [])].map((message) => (
        <p key={message} role="alert" className="inline-error">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
