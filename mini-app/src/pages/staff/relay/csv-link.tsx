import type { MouseEvent } from "react";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { apiUrl } from "../../../services/api";
import { fetchFileBlob, relayCsvPath } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

function isSameOrigin(url: string): boolean {
  return new URL(url, window.location.href).origin === window.location.origin;
}

/**
 * "Xuất CSV": a plain download link on the ward server's origin (the session cookie goes with it);
 * inside Zalo, where the API is another origin, the file is fetched with the bearer and saved from a Blob.
 */
export function CsvLink({ broadcastId }: { broadcastId: string }) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không tải được tệp CSV, vui lòng thử lại.");
  const href = apiUrl(relayCsvPath(broadcastId));
  const fileName = `chuyen-tiep-${broadcastId}.csv`;

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (isSameOrigin(href)) return;
    event.preventDefault();
    void run(async () => {
      const blob = await withStaffToken((token) => fetchFileBlob(token, relayCsvPath(broadcastId)));
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
        Xuất CSV
      </a>
      <ActionError message={error} />
    </>
  );
}
