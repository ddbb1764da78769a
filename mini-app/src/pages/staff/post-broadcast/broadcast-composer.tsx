import type { Post } from "@loa-phuong/shared";
import { useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import {
  type BroadcastListItem,
  createBroadcast,
  createSchedule,
  type ResidentialGroup,
  type School,
} from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { type AudienceDraft, buildAudience, emptyAudience } from "./audience-draft";
import { AudiencePicker } from "./audience-picker";
import { ChannelPlanView, useChannelPlan } from "./channel-plan";
import { EarlierBroadcasts, SameAudienceWarning } from "./earlier-broadcasts";
import { buildLimits, type ChannelLimits, initialLimits, type LimitsDraft } from "./limits-draft";
import { LimitsFields } from "./limits-fields";
import { buildSchedule, initialSchedule, type ScheduleDraft } from "./schedule-draft";
import { SchedulePicker } from "./schedule-picker";

/** A recurring schedule is created without limits (the server takes none for it), and planned so. */
const noLimits: ChannelLimits = { budgetVnd: null, excludePaidChannels: false };

/** The audience, the time, the channel plan with its limits, and "Xác nhận gửi". */
export function BroadcastComposer({
  post,
  groups,
  schools,
  earlier,
}: {
  post: Post;
  groups: ResidentialGroup[];
  schools: School[];
  /** The post's broadcasts so far, newest first. */
  earlier: BroadcastListItem[];
}) {
  const { withStaffToken } = useStaff();
  const navigate = useNavigate();
  const [audienceDraft, setAudienceDraft] = useState<AudienceDraft>(emptyAudience);
  const [scheduleDraft, setScheduleDraft] = useState<ScheduleDraft>(() => initialSchedule());
  const [limitsDraft, setLimitsDraft] = useState<LimitsDraft>(initialLimits);
  // Success leaves this screen; until it has gone, a second tap must not create a second broadcast.
  const {
    isBusy: isSending,
    error,
    run,
  } = useAction("Không tạo được đợt gửi, vui lòng thử lại.", { keepBusyOnSuccess: true });

  const built = buildAudience(audienceDraft);
  const audience = "audience" in built ? built.audience : null;
  const isRecurring = scheduleDraft.mode === "recurring";
  const builtLimits = isRecurring ? noLimits : buildLimits(limitsDraft);
  const limits = "problem" in builtLimits ? null : builtLimits;
  const limitsProblem = "problem" in builtLimits ? builtLimits.problem : null;
  const plan = useChannelPlan(audience && limits ? { audience, isUrgent: post.isUrgent, ...limits } : null);
  const schedule = buildSchedule(scheduleDraft);
  const hasNobody = plan.status === "idle" && plan.plan?.recipients === 0;
  const audienceProblem =
    "problem" in built ? built.problem : hasNobody ? "Không có người dân nào khớp lựa chọn này." : null;
  const problem = audienceProblem ?? limitsProblem ?? ("problem" in schedule ? schedule.problem : null);
  const planProblem =
    "problem" in built
      ? built.problem
      : limitsProblem
        ? "Sửa ngân sách tối đa để xem kế hoạch kênh gửi."
        : null;

  const confirm = () => {
    if (!audience || !limits || "problem" in schedule) return;
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
          budgetVnd: limits.budgetVnd,
          excludePaidChannels: limits.excludePaidChannels,
        }),
      );
      navigate(`/staff/broadcasts/${encodeURIComponent(broadcast.id)}`, { replace: true });
    });
  };

  return (
    <div className="composer">
      <EarlierBroadcasts broadcasts={earlier} groups={groups} schools={schools} />
      <p className="hint-box">
        {post.isUrgent
          ? "Bài khẩn: gửi cả trong giờ yên lặng và không tính giới hạn tin trong ngày."
          : "Bài không khẩn: tin đến hạn trong giờ yên lặng của phường sẽ được gửi khi hết giờ yên lặng."}
      </p>
      <AudiencePicker groups={groups} schools={schools} draft={audienceDraft} onChange={setAudienceDraft} />
      <SchedulePicker draft={scheduleDraft} onChange={setScheduleDraft} />
      <section aria-labelledby="plan-heading" className="staff-card">
        <h2 id="plan-heading" className="section-title section-title-first">
          Kế hoạch kênh gửi
        </h2>
        {isRecurring ? (
          <p className="field-hint">
            Lịch gửi định kỳ chưa đặt được ngân sách hay bỏ kênh trả phí: mỗi lần gửi dùng mọi kênh phù hợp.
          </p>
        ) : (
          <LimitsFields draft={limitsDraft} problem={limitsProblem} onChange={setLimitsDraft} />
        )}
        <ChannelPlanView state={plan} problem={planProblem} />
      </section>
      <section aria-labelledby="confirm-heading" className="staff-card confirm-bar">
        <h2 id="confirm-heading" className="visually-hidden">
          Xác nhận
        </h2>
        {hasNobody && <p className="inline-error">{audienceProblem}</p>}
        <SameAudienceWarning broadcasts={earlier} audience={audience} />
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
