import { ActionError } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { updatePreferences } from "../../services/resident-api";
import { useSession } from "../../state/session";

/** "Chữ lớn": applied at once, saved with the resident's preferences (and on this phone). */
export function LargeTextSetting() {
  const { session, withToken, updateResident } = useSession();
  const { isBusy, error, run } = useAction("Không lưu được, vui lòng thử lại.");
  const isLarge = session.resident.largeText;

  const toggle = (next: boolean) =>
    run(async () => {
      const before = session.resident;
      updateResident({ ...before, largeText: next }); // the resident sees the change at once
      try {
        updateResident(await withToken((token) => updatePreferences(token, { largeText: next })));
      } catch (reason) {
        updateResident(before);
        throw reason;
      }
    });

  return (
    <div className="setting-row">
      <label className="setting-label" htmlFor="large-text">
        <span className="setting-title">Chữ lớn</span>
        <span className="setting-hint" id="large-text-hint">
          Phóng to chữ trong toàn bộ ứng dụng cho dễ đọc.
        </span>
      </label>
      <input
        id="large-text"
        type="checkbox"
        role="switch"
        className="switch"
        aria-describedby="large-text-hint"
        aria-checked={isLarge}
        checked={isLarge}
        disabled={isBusy}
        onChange={(event) => void toggle(event.target.checked)}
      />
      <ActionError message={error} />
    </div>
  );
}
