import { searchKey } from "@loa-phuong/shared/client";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../components/outcome-message";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useAction } from "../../hooks/use-action";
import { useResource } from "../../hooks/use-resource";
import { fetchResidentialGroups, type ResidentialGroup } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { residentialGroupLabel } from "../../utils/text";

/**
 * Step 1: the resident's residential group, searchable with or without diacritics ("to 5", "Tổ 5", "tdp 5").
 * The profile's "Đổi tổ dân phố" shows it too, with its own buttons: "Hủy" and a save that may fail.
 */
export function GroupStep({
  chosen,
  suggestion = null,
  onChoose,
  onSuggested,
  onNext,
  nextLabel = "Tiếp tục",
  onCancel,
}: {
  chosen: { id: string } | null;
  /** The group of the head whose link brought the resident here. */
  suggestion?: string | null;
  onChoose(group: ResidentialGroup): void;
  /** Pre-selects the suggested group unless the resident chose one. */
  onSuggested?(group: ResidentialGroup): void;
  /** Once a group is chosen; a failure (the server's refusal) shows under the list. */
  onNext(): void | Promise<void>;
  nextLabel?: string;
  /** "Hủy", beside the button, when the step can be left without a choice. */
  onCancel?(): void;
}) {
  const { withToken } = useSession();
  const groups = useResource("residential-groups", (signal) =>
    withToken((token) => fetchResidentialGroups(token, signal)),
  );
  const [query, setQuery] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // What follows the choice leaves this step: busy until then, so that it is not pressed twice.
  const { isBusy, error, run } = useAction("Không lưu được, vui lòng thử lại.", { keepBusyOnSuccess: true });
  const loaded = groups.status === "ready" ? groups.data.items : null;
  const searchable = useMemo(
    () =>
      (loaded ?? []).map((group) => ({
        group,
        key: searchKey(
          `${group.name} ${residentialGroupLabel(group.name)} ${group.code} ${group.area ?? ""}`,
        ),
      })),
    [loaded],
  );
  const matches = useMemo(() => {
    const key = searchKey(query).replace(/^tdp\b/, "to dan pho");
    return searchable.filter((entry) => entry.key.includes(key)).map((entry) => entry.group);
  }, [searchable, query]);
  const suggested = loaded?.find((group) => group.id === suggestion) ?? null;
  // onSuggested is a new function every render; the suggestion is what matters.
  const onSuggestedRef = useRef(onSuggested);
  onSuggestedRef.current = onSuggested;
  useEffect(() => {
    if (suggested) onSuggestedRef.current?.(suggested);
  }, [suggested]);

  const next = () => {
    if (!chosen) {
      setProblem("Hãy chọn tổ dân phố nơi bạn sinh sống.");
      return;
    }
    setProblem(null);
    void run(async () => onNext());
  };

  return (
    <>
      <h2 className="section-title">Bạn sống ở tổ dân phố nào?</h2>
      <p className="muted">
        Phường gửi thông báo theo tổ dân phố. Tổ trưởng sẽ xác nhận bạn là thành viên của tổ.
      </p>
      {suggested && (
        <p className="notice">
          Bạn mở Loa Phường từ liên kết của {residentialGroupLabel(suggested.name)}, nên tổ này đã được chọn
          sẵn.
        </p>
      )}
      <div className="field">
        <label htmlFor="group-search">Tìm tổ dân phố</label>
        <input
          id="group-search"
          inputMode="search"
          autoComplete="off"
          placeholder="Nhập số tổ hoặc tên, có dấu hoặc không"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {groups.status === "loading" && <LoadingView label="Đang tải danh sách tổ dân phố…" />}
      {groups.status === "failed" && <ErrorView message={groups.message} onRetry={groups.reload} />}
      {groups.status === "ready" &&
        (matches.length === 0 ? (
          <EmptyView>Không tìm thấy tổ dân phố nào khớp.</EmptyView>
        ) : (
          <fieldset className="option-list">
            <legend className="visually-hidden">Tổ dân phố</legend>
            {matches.map((group) => (
              <label key={group.id} className="option-row">
                <input
                  type="radio"
                  name="residential-group"
                  checked={chosen?.id === group.id}
                  onChange={() => {
                    onChoose(group);
                    setProblem(null);
                  }}
                  aria-labelledby={`group-name-${group.id}`}
                  aria-describedby={`group-detail-${group.id}`}
                />
                <span id={`group-name-${group.id}`} className="option-label">
                  {residentialGroupLabel(group.name)}
                </span>
                <span id={`group-detail-${group.id}`} className="option-detail">
                  {[group.area, `${group.members} thành viên`].filter(Boolean).join(" · ")}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      <ActionError message={problem ?? error} />
      <div className={onCancel ? "sticky-actions button-row" : "sticky-actions"}>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={isBusy}>
            Hủy
          </Button>
        )}
        <Button fullWidth={!onCancel} loading={isBusy} disabled={isBusy} onClick={next}>
          {nextLabel}
        </Button>
      </div>
    </>
  );
}
