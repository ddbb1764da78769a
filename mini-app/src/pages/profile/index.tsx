import { Link } from "react-router-dom";
import { Button, Page, useNavigate } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { FollowOaAction } from "../../components/resident-actions/follow-oa-action";
import { NotificationsAction } from "../../components/resident-actions/notifications-action";
import { OaMessagingAction } from "../../components/resident-actions/oa-messaging-action";
import { PhoneShareAction } from "../../components/resident-actions/phone-share-action";
import { useSession } from "../../state/session";
import { LargeTextSetting } from "./large-text-setting";
import { MembershipCard } from "./membership-card";

/** "Cá nhân": group and roles, settings, the optional conveniences, "Dữ liệu của tôi" and the other forms. */
export default function ProfilePage() {
  const { session, switchPersona } = useSession();
  const { resident, persona } = session;
  const navigate = useNavigate();
  const links = [
    { to: "/profile/data", label: "Dữ liệu của tôi", hint: "Xem và xóa dữ liệu phường lưu về bạn" },
    { to: "/nominate", label: "Đề cử điển hình", hint: "Giới thiệu người tốt, việc tốt" },
    ...(resident.isGroupHead
      ? [{ to: "/head/opinion", label: "Báo cáo dư luận", hint: "Tình hình dư luận trong tổ" }]
      : []),
  ];

  return (
    <Page className="page">
      <AppHeader title="Cá nhân" />
      <main className="page-content">
        <h1 className="page-title">{resident.fullName}</h1>
        <MembershipCard />
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
