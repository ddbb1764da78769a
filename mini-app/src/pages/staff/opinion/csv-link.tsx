import type { MouseEvent } from "react";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { apiUrl } from "../../../services/api";
import { fetchFileBlob } from "../../../services/staff-api";
import { opinionCsvPath } from "../../../services/staff-opinion-api";
import { useStaff } from "../../../state/staff-session";

/**
 * "Xuất CSV": a plain download on the ward server's origin (the session cookie goes with it); inside
 * Zalo, where the API is another origin, the file is fetched with the bearer and saved from a Blob.
 */
export function OpinionCsvLink({ days }: { days: number }) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không tải được tệp CSV, vui lòng thử lại.");
  const href = apiUrl(opinionCsvPath(days));
  const fileName = `du-luan-${days}-ngay.csv`;

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (new URL(href, window.location.href).origin === window.location.origin) return;
    event.preventDefault();
    void run(async () => {
      const blob = await withStaffToken((token) => fetchFileBlob(token, opinionCsvPath(days)));
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
