import { textLimits } from "@loa-phuong/shared/client";
import { type FormEvent, useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { DraftNote } from "../../components/draft-note";
import { ActionError } from "../../components/outcome-message";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../components/text-limit";
import { useAction } from "../../hooks/use-action";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { type ReportLocation, sendReport } from "../../services/engagement-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";
import { LocationField, type LocationValue } from "./location-field";
import { PhotoPicker } from "./photo-picker";
import { usePhotoUploads } from "./use-photo-uploads";

const limit = textLimits.report;
// Photos are not kept: they are on the phone already, and picking them again is quick.
const emptyDraft: { text: string; location: LocationValue } = {
  text: "",
  location: { description: "", coordinates: null },
};

/** The phone's position with the words as its label, or the words alone (kept with the text). */
function placeOf({ description, coordinates }: LocationValue): { location?: ReportLocation; place?: string } {
  const words = description.trim();
  if (coordinates) return { location: { ...coordinates, ...(words ? { label: words } : {}) } };
  return words ? { place: words } : {};
}

/** "Phản ánh": a resident tells the ward about something in the neighbourhood, with photos and a place. */
export default function ReportPage() {
  const { withToken } = useSession();
  const uploads = usePhotoUploads();
  const draft = useDeviceDraft("report", emptyDraft);
  const { text, location } = draft.value;
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được phản ánh, vui lòng thử lại.");
  const failure = problem ?? error;
  const [isSent, setSent] = useState(false);
  const isUploading = uploads.photos.some((photo) => photo.status === "uploading");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing =
      text.trim() === ""
        ? "Hãy mô tả sự việc bạn muốn phản ánh."
        : (tooLongProblem(text, limit, "Nội dung phản ánh") ??
          tooLongProblem(location.description, textLimits.reportPlace, "Mô tả vị trí") ??
          (uploads.photos.some((photo) => photo.status === "failed")
            ? "Có ảnh chưa tải lên được. Hãy xóa ảnh đó hoặc chọn lại."
            : null));
    setProblem(missing);
    if (missing) return;
    void run(async () => {
      const uploadIds = uploads.photos.flatMap((photo) => (photo.uploadId ? [photo.uploadId] : []));
      await withToken((token) =>
        sendReport(token, { text: text.trim(), uploadIds, ...placeOf(location) }),
      ).catch((reason: unknown) => {
        throw explainRefusal(reason);
      });
      setSent(true);
      draft.forget();
      uploads.clear();
    });
  };

  return (
    <Page className="page">
      <AppHeader title="Phản ánh" />
      <main className="page-content">
        <h1 className="page-title">Phản ánh với phường</h1>
        <p className="muted">
          Báo cho cán bộ phường điều bạn thấy ở khu phố: vệ sinh môi trường, an ninh trật tự, đường sá, trường
          học…
        </p>
        {isSent ? (
          <div className="card">
            <p role="status" className="inline-success">
              Đã gửi phản ánh. Cảm ơn bạn! Cán bộ phường sẽ xem xét và phản hồi.
            </p>
            <Button variant="secondary" onClick={() => setSent(false)}>
              Gửi phản ánh khác
            </Button>
          </div>
        ) : (
          <form className="card form-stack" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="report-text">Nội dung phản ánh</label>
              <textarea
                id="report-text"
                rows={5}
                value={text}
                {...limitedFieldProps("report-text-limit", text, limit)}
                onChange={(event) => {
                  const next = event.target.value;
                  draft.setValue((current) => ({ ...current, text: next }));
                }}
              />
              <TextLimit id="report-text-limit" text={text} limit={limit} />
            </div>
            <PhotoPicker
              photos={uploads.photos}
              rejections={uploads.rejections}
              onAdd={(picked) => void uploads.add(picked)}
              onRemove={uploads.remove}
            />
            <LocationField
              value={location}
              onChange={(next) => draft.setValue((current) => ({ ...current, location: next }))}
            />
            <DraftNote draft={draft} />
            <ActionError message={failure} />
            <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy || isUploading}>
              {isUploading ? "Đang tải ảnh lên…" : "Gửi phản ánh"}
            </Button>
          </form>
        )}
      </main>
    </Page>
  );
}
