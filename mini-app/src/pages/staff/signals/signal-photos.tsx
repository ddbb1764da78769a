import { useEffect, useState } from "react";
import { apiUrl } from "../../../services/api";
import { fetchFileBlob } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

/** The server gives "/api/uploads/<id>"; an absolute URL is kept as it is. */
function photoUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : apiUrl(url);
}

function isSameOrigin(url: string): boolean {
  return new URL(url, window.location.href).origin === window.location.origin;
}

/** Thumbnails of a report's photos; each opens the full image. */
export function SignalPhotos({ photos, who }: { photos: string[]; who: string }) {
  if (photos.length === 0) return null;
  return (
    <ul className="signal-photos" aria-label={`Ảnh ${who} gửi kèm`}>
      {photos.map((url, index) => (
        <li key={url}>
          <Photo url={photoUrl(url)} alt={`Ảnh ${index + 1}/${photos.length} ${who} gửi kèm`} />
        </li>
      ))}
    </ul>
  );
}

/**
 * On the ward server's origin the session cookie goes with a plain <img>. Inside Zalo the API is
 * another origin, so the image is fetched with the bearer token and shown from a Blob URL.
 */
function Photo({ url, alt }: { url: string; alt: string }) {
  const sameOrigin = isSameOrigin(url);
  const { withStaffToken } = useStaff();
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (sameOrigin) return;
    const controller = new AbortController();
    let created: string | null = null;
    withStaffToken((token) => fetchFileBlob(token, url, controller.signal)).then(
      (blob) => {
        if (controller.signal.aborted) return;
        created = URL.createObjectURL(blob);
        setBlobUrl(created);
      },
      () => controller.signal.aborted || setFailed(true),
    );
    return () => {
      controller.abort();
      if (created) URL.revokeObjectURL(created);
    };
  }, [url, sameOrigin, withStaffToken]);

  const src = sameOrigin ? url : blobUrl;
  if (failed) return <span className="photo-missing">Không tải được ảnh</span>;
  if (!src)
    return (
      <span className="photo-missing" aria-busy="true">
        Đang tải ảnh…
      </span>
    );
  return (
    <a href={src} target="_blank" rel="noreferrer" className="photo-link">
      <img src={src} alt={alt} loading="lazy" width={96} height={96} onError={() => setFailed(true)} />
    </a>
  );
}
