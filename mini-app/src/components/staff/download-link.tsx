import type { MouseEvent } from "react";
import { useAction } from "../../hooks/use-action";
import { apiUrl } from "../../services/api";
import { fetchFileBlob } from "../../services/staff-api";
import { useStaff } from "../../state/staff-session";
import { ActionError } from "../outcome-message";

/**
 * A file from the API (a CSV, a report): a plain download on the ward server's origin (the session
 * cookie goes with it); inside Zalo, where the API is another origin, the file is fetched with the
 * bearer and saved from a Blob.
 */
export function DownloadLink({
  path,
  fileName,
  label,
  failMessage,
}: {
  path: string;
  fileName: string;
  label: string;
  failMessage: string;
}) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction(failMessage);
  const href = apiUrl(path);

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (new URL(href, window.location.href).origin === window.location.origin) return;
    event.preventDefault();
    void run(async () => {
      const blob = await withStaffToken((token) => fetchFileBlob(token, path));
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = fileName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  };

  return (
    <>
      <a className="button-link" href={href} download={fileName} aria-busy={isBusy} onClick={onClick}>
        {label}
      </a>
      <ActionError message={error} />
    </>
  );
}
