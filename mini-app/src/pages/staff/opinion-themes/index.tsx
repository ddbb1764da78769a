import { useState } from "react";
import { NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchOpinionThemes, type OpinionTheme } from "../../../services/staff-opinion-themes-api";
import { useStaff } from "../../../state/staff-session";
import { ThemeForm } from "./theme-form";
import { ThemeRow } from "./theme-row";

/**
 * Chủ đề dư luận: what residents' messages are about. The labeller finds a theme by its keywords (with
 * or without diacritics) and by what staff labelled; editors and admins add themes, change their keywords,
 * retire them (messages that have one keep it) and bring them back. Other staff read the list.
 */
export default function OpinionThemesPage() {
  const { withStaffToken, hasRole } = useStaff();
  const canEdit = hasRole("editor") || hasRole("admin");
  const [notice, setNotice] = useState<string | null>(null);
  const themes = useResource("staff-opinion-themes", (signal) =>
    withStaffToken((token) => fetchOpinionThemes(token, signal)),
  );
  const changed = (message: string) => {
    setNotice(message);
    themes.reload();
  };

  return (
    <StaffPage title="Chủ đề dư luận">
      <h1 className="page-title">Chủ đề và từ khóa</h1>
      <p className="muted">
        Tin nhắn, góp ý và phản ánh của người dân được gán chủ đề khi có từ khóa của chủ đề (viết có dấu hay
        không dấu đều được) hoặc khi cán bộ sửa nhãn. Chủ đề đã ngừng dùng không được gán cho tin mới; tin cũ
        vẫn giữ chủ đề.
      </p>
      {!canEdit && (
        <p className="hint-box">Chỉ cán bộ biên tập hoặc quản trị mới thêm, sửa hay ngừng dùng chủ đề.</p>
      )}
      <NoticeBanner notice={notice} />
      {canEdit && <ThemeForm onCreated={changed} />}
      {themes.status === "loading" && <LoadingView label="Đang tải chủ đề…" />}
      {themes.status === "failed" && <ErrorView message={themes.message} onRetry={themes.reload} />}
      {themes.status === "ready" && (
        <ThemeLists themes={themes.data.items} canEdit={canEdit} onChanged={changed} />
      )}
    </StaffPage>
  );
}

function ThemeLists({
  themes,
  canEdit,
  onChanged,
}: {
  themes: OpinionTheme[];
  canEdit: boolean;
  onChanged(message: string): void;
}) {
  if (themes.length === 0) return <EmptyView>Phường chưa có chủ đề dư luận nào.</EmptyView>;
  const active = themes.filter((t) => t.status === "active");
  const retired = themes.filter((t) => t.status === "retired");
  return (
    <>
      <ThemeSection
        id="themes-active"
        title="Đang dùng"
        themes={active}
        canEdit={canEdit}
        onChanged={onChanged}
        emptyText="Chưa có chủ đề nào đang dùng."
      />
      {retired.length > 0 && (
        <ThemeSection
          id="themes-retired"
          title="Đã ngừng dùng"
          themes={retired}
          canEdit={canEdit}
          onChanged={onChanged}
        />
      )}
    </>
  );
}

function ThemeSection({
  id,
  title,
  themes,
  canEdit,
  onChanged,
  emptyText,
}: {
  id: string;
  title: string;
  themes: OpinionTheme[];
  canEdit: boolean;
  onChanged(message: string): void;
  emptyText?: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        {title} ({themes.length})
      </h2>
      {themes.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="staff-list" aria-label={`Chủ đề ${title.toLowerCase()}`}>
          {themes.map((theme) => (
            <li key={theme.id}>
              <ThemeRow theme={theme} canEdit={canEdit} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
