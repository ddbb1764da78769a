import { useState } from "react";
import { Button, Modal, useNavigate } from "zmp-ui";
import { ActionError } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { forgetAllDrafts } from "../../services/drafts";
import { clearResidentCache } from "../../services/offline-cache";
import { deleteMyData } from "../../services/resident-api";
import { useSession } from "../../state/session";

/** "Xóa dữ liệu của tôi", behind a confirmation: the server removes it, the phone forgets it, the session ends. */
export function DeleteMyData() {
  const { session, withToken, signOut } = useSession();
  const [isAsking, setAsking] = useState(false);
  // Deleted, the session ends: nothing here may be pressed again.
  const { isBusy, error, run } = useAction("Không xóa được dữ liệu, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const navigate = useNavigate();

  const remove = () =>
    run(async () => {
      try {
        await withToken((token) => deleteMyData(token));
        await Promise.all([clearResidentCache(session.resident.id), forgetAllDrafts(session.resident.id)]);
        // Whoever signs in next starts on the feed, not on this page.
        navigate("/", { replace: true, animate: false });
        signOut("Dữ liệu của bạn đã được xóa khỏi hệ thống của phường. Cảm ơn bạn đã sử dụng Loa Phường.");
      } catch (reason) {
        setAsking(false);
        throw reason;
      }
    });

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title" className="card-title">
        Xóa dữ liệu
      </h2>
      <p>
        Phường sẽ xóa thông tin cá nhân, số điện thoại, câu hỏi, góp ý, phản ánh và ảnh của bạn. Chỉ giữ lại
        các con số thống kê không gắn với bạn. Việc này không thể hoàn tác.
      </p>
      <Button type="danger" variant="secondary" onClick={() => setAsking(true)}>
        Xóa dữ liệu của tôi
      </Button>
      <ActionError message={error} />
      <Modal
        visible={isAsking}
        title="Xóa toàn bộ dữ liệu của bạn?"
        description="Sau khi xóa, bạn sẽ được đăng xuất. Nếu dùng lại Loa Phường, bạn sẽ đăng ký như người mới."
        onClose={() => !isBusy && setAsking(false)}
        actions={[
          { text: "Hủy", close: true, disabled: isBusy },
          {
            text: isBusy ? "Đang xóa…" : "Xóa dữ liệu",
            danger: true,
            disabled: isBusy,
            onClick: () => void remove(),
          },
        ]}
      />
    </section>
  );
}
