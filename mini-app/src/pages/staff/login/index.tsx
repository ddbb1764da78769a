import { type FormEvent, useState } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { Button } from "zmp-ui";
import { ActionError, NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { isInsideZalo } from "../../../services/zalo/environment";
import { useStaffSessionContext } from "../../../state/staff-session";

/** Only paths inside the staff area: `next` comes from the URL and must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && /^\/staff(\/|$|\?)/.test(next) ? next : "/staff";
}

/** Ward staff sign in with their ward account, or inside Zalo with the Zalo account linked to it. */
export default function StaffLoginPage() {
  const { state, signIn, signInWithZalo } = useStaffSessionContext();
  const [params] = useSearchParams();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [method, setMethod] = useState<"password" | "zalo">("password");
  const [problem, setProblem] = useState<string | null>(null);
  // Once signed in, this page gives way to the staff area.
  const { isBusy, error, run } = useAction("Không đăng nhập được, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const pending = isBusy ? method : null;

  if (state.status === "signed-in") return <Navigate to={safeNext(params.get("next"))} replace />;

  const start = (kind: "password" | "zalo", action: () => Promise<void>) => {
    setProblem(null);
    setMethod(kind);
    void run(action);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === "" || password === "") {
      setProblem("Vui lòng nhập tên đăng nhập và mật khẩu.");
      return;
    }
    start("password", () => signIn(username.trim(), password));
  };

  return (
    <StaffPage title="Loa Phường – Cán bộ" showBack={false}>
      <h1 className="page-title">Đăng nhập cán bộ phường</h1>
      <p className="muted">Dành cho cán bộ Phòng Văn hóa - Xã hội và lãnh đạo UBND phường.</p>
      {state.status === "checking" ? (
        <LoadingView label="Đang kiểm tra đăng nhập…" />
      ) : (
        <>
          {state.status === "signed-out" && <NoticeBanner notice={state.notice} />}
          <form className="staff-card form-stack" onSubmit={onSubmit} noValidate>
            <div className="field">
              <label htmlFor="staff-username">Tên đăng nhập</label>
              <input
                id="staff-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="staff-password">Mật khẩu</label>
              <input
                id="staff-password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <ActionError message={problem ?? error} />
            <Button htmlType="submit" fullWidth loading={pending === "password"} disabled={pending !== null}>
              Đăng nhập
            </Button>
          </form>
          {isInsideZalo() && (
            <div className="staff-card">
              <p className="muted">Tài khoản Zalo của bạn đã được liên kết với tài khoản cán bộ?</p>
              <Button
                variant="secondary"
                fullWidth
                loading={pending === "zalo"}
                disabled={pending !== null}
                onClick={() => start("zalo", signInWithZalo)}
              >
                Đăng nhập bằng Zalo
              </Button>
            </div>
          )}
        </>
      )}
    </StaffPage>
  );
}
