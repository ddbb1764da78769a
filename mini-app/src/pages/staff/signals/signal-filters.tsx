import { messageKinds } from "@loa-phuong/shared";
import { useState } from "react";
import { DateField } from "../../../components/staff/date-field";
import { useResource } from "../../../hooks/use-resource";
import { fetchPosts, fetchResidentialGroups } from "../../../services/staff-api";
import { fetchOpinionThemes } from "../../../services/staff-opinion-themes-api";
import { useStaff } from "../../../state/staff-session";
import {
  messageKindLabels,
  signalKindLabels,
  signalKinds,
  signalStatusLabels,
} from "../../../utils/staff-labels";
import { dateRangeError, emptyFilters, hasFilters, type SignalFilters } from "./signal-filters-model";

const statusOptions: { value: SignalFilters["status"]; label: string }[] = [
  { value: "open", label: signalStatusLabels.open },
  { value: "handled", label: signalStatusLabels.handled },
  { value: "all", label: "Tất cả" },
];

/** Status and kind up front; group, post and dates under "Lọc thêm". Each change applies at once. */
export function SignalFilterForm({
  filters,
  onChange,
}: {
  filters: SignalFilters;
  onChange(next: SignalFilters): void;
}) {
  const { withStaffToken } = useStaff();
  const groups = useResource("signal-filter-groups", (signal) =>
    withStaffToken((token) => fetchResidentialGroups(token, signal)),
  );
  const posts = useResource("signal-filter-posts", (signal) =>
    withStaffToken((token) => fetchPosts(token, { limit: 100 }, signal)),
  );
  const themes = useResource("signal-filter-themes", (signal) =>
    withStaffToken((token) => fetchOpinionThemes(token, signal)),
  );
  const set = (patch: Partial<SignalFilters>) => onChange({ ...filters, ...patch });
  const rangeError = dateRangeError(filters);
  const moreCount = [
    filters.messageKind,
    filters.theme,
    filters.group,
    filters.post,
    filters.from,
    filters.to,
  ].filter(Boolean).length;
  // Open at first when those filters are in use (a link, coming back); afterwards the user decides.
  const [isMoreOpenAtFirst] = useState(moreCount > 0);

  return (
    <search className="staff-card signal-filters" aria-label="Lọc phản hồi">
      <fieldset className="kind-filter" aria-label="Trạng thái">
        {statusOptions.map((option) => (
          <button
            key={option.value}
            type="button"
            className="chip"
            aria-pressed={filters.status === option.value}
            onClick={() => set({ status: option.value })}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="signal-kind">Loại</label>
        <select id="signal-kind" value={filters.kind} onChange={(event) => set({ kind: event.target.value })}>
          <option value="">Tất cả loại</option>
          {signalKinds.map((kind) => (
            <option key={kind} value={kind}>
              {signalKindLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <details className="picker-details" open={isMoreOpenAtFirst}>
        <summary>
          Lọc thêm: nội dung, chủ đề, tổ dân phố, bài viết, thời gian{moreCount > 0 && ` (${moreCount})`}
        </summary>
        <div className="form-stack">
          <div className="field">
            <label htmlFor="signal-message-kind">Nội dung</label>
            <select
              id="signal-message-kind"
              value={filters.messageKind}
              onChange={(event) => set({ messageKind: event.target.value })}
            >
              <option value="">Mọi nội dung</option>
              {messageKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {messageKindLabels[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="signal-theme">Chủ đề</label>
            <select
              id="signal-theme"
              value={filters.theme}
              onChange={(event) => set({ theme: event.target.value })}
            >
              <option value="">Tất cả chủ đề</option>
              {themes.status === "ready" &&
                themes.data.items.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.status === "retired" ? `${theme.name} (đã ngừng)` : theme.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="signal-group">Tổ dân phố</label>
            <select
              id="signal-group"
              value={filters.group}
              onChange={(event) => set({ group: event.target.value })}
            >
              <option value="">Tất cả tổ dân phố</option>
              {groups.status === "ready" &&
                groups.data.items.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="signal-post">Bài viết</label>
            <select
              id="signal-post"
              value={filters.post}
              onChange={(event) => set({ post: event.target.value })}
            >
              <option value="">Tất cả bài viết</option>
              {posts.status === "ready" &&
                posts.data.items.map((post) => (
                  <option key={post.id} value={post.id}>
                    {post.title}
                  </option>
                ))}
            </select>
          </div>
          <div className="field-row date-range">
            <DateField label="Từ ngày" value={filters.from} onChange={(from) => set({ from })} />
            <DateField label="Đến ngày" value={filters.to} onChange={(to) => set({ to })} />
          </div>
          {rangeError && (
            <p role="alert" className="field-error">
              {rangeError}
            </p>
          )}
        </div>
      </details>
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={() => onChange(emptyFilters)}>
          Xóa bộ lọc
        </button>
      )}
    </search>
  );
}
