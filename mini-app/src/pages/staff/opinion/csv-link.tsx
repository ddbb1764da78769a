import { DownloadLink } from "../../../components/staff/download-link";
import { opinionCsvPath } from "../../../services/staff-opinion-api";

/** "Xuất CSV": the period's labelled messages as a spreadsheet. */
export function OpinionCsvLink({ days }: { days: number }) {
  return (
    <DownloadLink
      path={opinionCsvPath(days)}
      fileName={`du-luan-${days}-ngay.csv`}
      label="Xuất CSV"
      failMessage="Không tải được tệp CSV, vui lòng thử lại."
    />
  );
}
