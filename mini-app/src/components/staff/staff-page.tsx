import type { ReactNode } from "react";
import { Page } from "zmp-ui";
import { AppHeader } from "../app-header";

/** The frame of every staff screen: the red header (with "back" unless it is the dashboard) and a main region. */
export function StaffPage({
  title,
  showBack = true,
  children,
}: {
  title: string;
  showBack?: boolean;
  children: ReactNode;
}) {
  return (
    <Page className="page staff-page">
      <AppHeader title={title} showBack={showBack} home="/staff" />
      <main className="page-content staff-content">{children}</main>
    </Page>
  );
}

/** A notice that arrived with a navigation (e.g. "Đã duyệt bài …"), announced once the next screen shows. */
export function NoticeBanner({ notice }: { notice: string | null | undefined }) {
  if (!notice) return null;
  return (
    <p role="status" className="notice-banner">
      {notice}
    </p>
  );
}

export { ActionError } from "../outcome-message";
