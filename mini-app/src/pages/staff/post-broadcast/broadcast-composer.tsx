import type { Post } from "@loa-phuong/shared";
import { useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import {
  createBroadcast,
  createSchedule,
  type ResidentialGroup,
  type School,
} from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { AudienceCountsView, useAudienceCounts } from "./audience-counts";
import { type AudienceDraft, buildAudience, emptyAudience } from "./audience-draft";
import { AudiencePicker } from "./audience-picker";
import { buildSchedule, initialSchedule, type ScheduleDraft } from "./schedule-draft";
import { SchedulePicker } from "./schedule-picker";

/** The audience, live counts, the time, and "Xác nhận gửi". */
export function BroadcastComposer({
  post,
  groups,
  schools,
}: {
  post: Post;
  groups: ResidentialGroup[];
  schools: School[];
}) {
  const { withStaffToken } = useStaff();
  const navigate = useNavigate();
  const [audienceDraft, setAudienceDraft] = useState<AudienceDraft>(emptyAudience);
  const [scheduleDraft, setScheduleDraft] = useState<ScheduleDraft>(() => initialSchedule());
  // Success leaves this screen; until it has gone, a second tap must not create a second broadcast.
  const {
    isBusy: isSending,
    error,
    run,
  } = useAction("Không tạo được đợt gửi, vui lòng thử lại.", { keepBusyOnSuccess: true });

  const built = buildAudience(audienceDraft);
  const audience = "audience" in built ? built.audience : null;
  const counts = useAudienceCounts(audience, post.isUrgent);
  const schedule = buildSchedule(scheduleDraft);
  const hasNobody = counts.status === "idle" && counts.counts?.recipients === 0;
  const audienceProblem =
    "problem" in built ? built.problem : hasNobody ? "Không có người dân nào khớp lựa chọn này." : null;
  const problem = audienceProblem ?? ("problem" in schedule ? schedule.problem : null);

  const confirm = () => {
    if (!audience || "problem" in schedule) return;
    void run(async () => {
      if (schedule.kind === "recurring") {
        await withStaffToken((token) =>
          createSchedule(token, {
            postId: post.id,
            audience,
            recurrence: schedule.recurrence,
            ...(schedule.endsAt ? { endsAt: schedule.endsAt } : {}),
          }),
        );
        navigate("/staff", {
          replace: true,
          state: { notice: `Đã tạo lịch gửi định kỳ cho “${post.title}”: ${schedule.summary}` },
        });
        return;
      }
      const broadcast = await withStaffToken((token) =>
        createBroadcast(token, {
          postId: post.id,
          audience,
          ...(schedule.kind === "at" ? { scheduledAt: schedule.scheduledAt } : {}),
        }),
      );
      navigate(`/staff/broadcasts/${encodeURIComponent(broadcast.id)}`, { replace: true });
    });
  };

  return (
    <div className="composer">
      <p className="hint-box">
        {post.isUrgent
          ? "Bài khẩn: gửi cả trong giờ yên lặng và không tính giới hạn tin trong ngày."
          : "Bài không khẩn: tin đến hạn trong giờ yên lặng của phường sẽ được gửi khi hết giờ yên lặng."}
      </p>
      <AudiencePicker groups={groups} schools={schools} draft={audienceDraft} onChange={setAudienceDraft} />
      <SchedulePicker draft={scheduleDraft} onChange={setScheduleDraft} />
      <section aria-labelledby="confirm-heading" className="staff-card confirm-bar">
        <h2 id="confirm-heading" className="visually-hidden">
          Xác nhận
        </h2>
        <AudienceCountsView state={counts} problem={"problem" in built ? built.problem : null} />
        {hasNobody && <p className="inline-error">{audienceProblem}</p>}
        {"summary" in schedule && <p className="muted">{schedule.summary}</p>}
        {"problem" in schedule && <p className="inline-error">{schedule.problem}</p>}
        <ActionError message={error} />
        <Button fullWidth loading={isSending} disabled={isSending || problem !== null} onClick={confirm}>
          Xác nhận gửi
        </Button>
      </section>
    </div>
  );
}
