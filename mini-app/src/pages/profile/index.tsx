import { useState } from "react";
import { Link } from "react-router-dom";
import { Button, Page, useNavigate } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { FollowOaAction } from "../../components/resident-actions/follow-oa-action";
import { NotificationsAction } from "../../components/resident-actions/notifications-action";
import { OaMessagingAction } from "../../components/resident-actions/oa-messaging-action";
import { PhoneShareAction } from "../../components/resident-actions/phone-share-action";
import { useSession } from "../../state/session";
import { ChangeGroup } from "./change-group";
import { ChangeRoles } from "./change-roles";
import { LargeTextSetting } from "./large-text-setting";
import { MembershipCard } from "./membership-card";
import { type ProfileChange, useProfileChange } from "./use-profile-change";

/**
 * "Cá nhân": group and roles (and changing them), settings, the optional conveniences, "Dữ liệu của
 * tôi" and the other forms. A change shows in place of the profile, each on a page of its own (the key:
 * it opens scrolled to the top), and the profile says what it did once saved.
 */
export default function ProfilePage() {
  const { session, switchPersona } = useSession();
  const { resident, persona } = session;
  const navigate = useNavigate();
  const change = useProfileChange();
  const [notice, setNotice] = useState<string | null>(null);
  const start = (which: ProfileChange) => {
    setNotice(null);
    change.start(which);
  };
  const saved = (message: string | null) => {
    setNotice(message);
    change.close();
  };
  const links = [
    { to: "/profile/data", label: "Dữ liệu của tôi", hint: "Xem và xóa dữ liệu phường lưu về bạn" },
    { to: "/nominate", label: "Đề cử điển hình", hint: "Giới thiệu người tốt, việc tốt" },
    {
      to: "/tasks",
      label: "Nhiệm vụ của đơn vị",
      hint: "Nhiệm vụ phường giao cho trường, cơ quan, đoàn thể",
    },
    ...(resident.isGroupHead || resident.isOpinionCollaborator
      ? [{ to: "/opinion-report", label: "Báo cáo dư luận", hint: "Bà con trong khu vực đang nói gì" }]
      : []),
  ];

  if (change.open) {
    return (
      <Page className="page" key={change.open}>
        <AppHeader title="Cá nhân" showBack />
        <main className="page-content">
          {change.open === "group" ? (
            <ChangeGroup onSaved={saved} onCancel={change.close} />
          ) : (
            <ChangeRoles onSaved={saved} onCancel={change.close} />
          )}
        </main>
      </Page>
    );
  }

  return (
    <Page className="page" key="profile">
      <AppHeader title="Cá nhân" />
      <main className="page-content">
        <h1 className="page-title">{resident.fullName}</h1>
        <MembershipCard
          notice={notice}
          onChangeGroup={() => start("group")}
          onChangeRoles={() => start("roles")}
        />
        <section className="card" aria-labelledby="settings-title">
          <h2 id="settings-title" className="card-title">
            Cài đặt
          </h2>
          <LargeTextSetting />
        </section>
        <div className="action-list">
          <FollowOaAction />
          <OaMessagingAction />
          <NotificationsAction />
          <PhoneShareAction />
        </div>
        <nav aria-label="Mục khác" className="card link-list">
          {links.map((link) => (
            <Link key={link.to} to={link.to} className="link-row">
              <span className="link-row-label">{link.label}</span>
              <span className="link-row-hint">{link.hint}</span>
            </Link>
          ))}
        </nav>
        {persona && (
          <Button
            variant="tertiary"
            onClick={() => {
              navigate("/", { replace: true, animate: false });
              switchPersona();
            }}
          >
            Đổi người dùng
          </Button>
        )}
      </main>
    </Page>
  );
}
