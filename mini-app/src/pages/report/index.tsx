import { type FormEvent, useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { ActionError } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { type ReportLocation, sendReport } from "../../services/engagement-api";
import { useSession } from "../../state/session";
import { LocationField, type LocationValue } from "./location-field";
import { PhotoPicker } from "./photo-picker";
import { usePhotoUploads } from "./use-photo-uploads";

const emptyLocation: LocationValue = { description: "", coordinates: null };

/** "Phản ánh": a resident tells the ward about something in the neighbourhood, with photos and a place. */
export default function ReportPage() {
  const { withToken } = useSession();
  const uploads = usePhotoUploads();
  const [text, setText] = useState("");
  const [location, setLocation] = useState<LocationValue>(emptyLocation);
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được phản ánh, vui lòng thử lại.");
  const failure = problem ?? error;
  const [isSent, setSent] = useState(false);
  const isUploading = uploads.photos.some((photo) => photo.status === "uploading");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === "") {
      setProblem("Hãy mô tả sự việc bạn muốn phản ánh.");
      return;
    }
    if (uploads.photos.some((photo) => photo.status === "failed")) {
      setProblem("Có ảnh chưa tải lên được. Hãy xóa ảnh đó hoặc chọn lại.");
      return;
    }
    setProblem(null);
    const description = location.description.trim();
    const coordinates: ReportLocation | undefined = location.coordinates
      ? { ...location.coordinates, ...(description ? { label: description } : {}) }
      : undefined;
    // Without coordinates the place is only words: it travels with the text, where staff read it.
    const body = coordinates || !description ? text.trim() : `${text.trim()}\n\nVị trí: ${description}`;
    void run(async () => {
      const uploadIds = uploads.photos.flatMap((photo) => (photo.uploadId ? [photo.uploadId] : []));
      await withToken((token) =>
        sendReport(token, { text: body, uploadIds, ...(coordinates ? { location: coordinates } : {}) }),
      );
      setSent(true);
      setText("");
      setLocation(emptyLocation);
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
                maxLength={2000}
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
            </div>
            <PhotoPicker
              photos={uploads.photos}
              rejections={uploads.rejections}
              onAdd={(picked) => void uploads.add(picked)}
              onRemove={uploads.remove}
            />
            <LocationField value={location} onChange={setLocation} />
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
