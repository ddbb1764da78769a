import { useEffect, useState } from "react";
import { type ChannelPlan, type ChannelPlanRequest, planChannels } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import {
  byChannelOrder,
  channelLabel,
  formatCount,
  formatVnd,
  noPushReasonLabel,
} from "../../../utils/channel-labels";

const debounceMs = 350;

export type PlanState =
  | { status: "idle" | "planning"; plan: ChannelPlan | null }
  | { status: "failed"; plan: ChannelPlan | null; message: string };

/**
 * Asks the server for the channel plan a moment after the audience or the limits stop changing; the
 * last answer stays on screen while the next one is worked out. A null request clears it.
 */
export function useChannelPlan(request: ChannelPlanRequest | null): PlanState {
  const { withStaffToken } = useStaff();
  const [state, setState] = useState<PlanState>({ status: "idle", plan: null });
  const key = request ? JSON.stringify(request) : "";

  // `request` is a new object every render; `key` says when it really changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key names the request, by design.
  useEffect(() => {
    if (!request) {
      setState({ status: "idle", plan: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: "planning", plan: previous.plan }));
    const timer = setTimeout(() => {
      withStaffToken((token) => planChannels(token, request, controller.signal)).then(
        (plan) => controller.signal.aborted || setState({ status: "idle", plan }),
        (error: unknown) =>
          controller.signal.aborted ||
          setState((previous) => ({
            status: "failed",
            plan: previous.plan,
            message: error instanceof Error ? error.message : "Không lập được kế hoạch kênh gửi.",
          })),
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, withStaffToken]);

  return state;
}

type PlannedChannel = ChannelPlan["channels"][number];

/** A channel with nobody on it is left out, unless something is wrong with it staff should know. */
function isWorthShowing(row: PlannedChannel): boolean {
  return row.residents > 0 || row.stopped || !row.enabled;
}

function stateOf(row: PlannedChannel): string {
  if (row.stopped) return "đã dừng";
  if (!row.enabled) return "chưa cấu hình";
  return "hoạt động";
}

function costOf(row: PlannedChannel): string {
  return !row.paid && row.costVnd === 0 ? "miễn phí" : formatVnd(row.costVnd);
}

/**
 * "Kế hoạch kênh gửi": the recipients per channel with cost and quota, the estimated cost, who
 * nothing reaches and why, and for an urgent post the escalation by phone. Announced politely,
 * once each new plan is in (aria-busy while it is worked out).
 */
export function ChannelPlanView({ state, problem }: { state: PlanState; problem: string | null }) {
  const { plan } = state;
  return (
    <div className="channel-plan" role="status" aria-live="polite" aria-busy={state.status === "planning"}>
      {problem ? (
        <p className="inline-error">{problem}</p>
      ) : plan ? (
        <PlanDetails plan={plan} isReplanning={state.status === "planning"} />
      ) : (
        state.status !== "failed" && <p>Đang lập kế hoạch kênh gửi…</p>
      )}
      {!problem && state.status === "failed" && <p className="inline-error">{state.message}</p>}
    </div>
  );
}

function PlanDetails({ plan, isReplanning }: { plan: ChannelPlan; isReplanning: boolean }) {
  const rows = byChannelOrder(plan.channels).filter(isWorthShowing);
  return (
    <>
      <p>
        Người nhận: <strong>{formatCount(plan.recipients)}</strong>
        {isReplanning && <span className="muted-inline"> (đang tính lại…)</span>}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="group-table plan-table">
            <caption className="visually-hidden">Số người nhận, chi phí và hạn mức theo kênh</caption>
            <thead>
              <tr>
                <th scope="col">Kênh</th>
                <th scope="col">Người nhận</th>
                <th scope="col">Chi phí</th>
                <th scope="col">Hạn mức còn lại</th>
                <th scope="col">Tình trạng</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.channel} className={row.stopped || !row.enabled ? "plan-row-off" : undefined}>
                  <th scope="row">{channelLabel(row.channel)}</th>
                  <td>{formatCount(row.residents)}</td>
                  <td>{costOf(row)}</td>
                  <td>{row.quotaLeft === null ? "không giới hạn" : formatCount(row.quotaLeft)}</td>
                  <td>{stateOf(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="plan-cost">
        Chi phí ước tính: <strong>{formatVnd(plan.costVnd)}</strong>
        {plan.budgetVnd !== null && (
          <span className="muted-inline"> (ngân sách tối đa {formatVnd(plan.budgetVnd)})</span>
        )}
        {plan.excludePaidChannels && <span className="muted-inline"> (không dùng kênh trả phí)</span>}
      </p>
      {plan.escalation && (
        <p>
          Sau {formatCount(plan.escalation.afterMinutes)} phút, ai chưa xem sẽ nhận tin ZBS qua số điện thoại:
          tối đa {formatCount(plan.escalation.residents)} người, tối đa{" "}
          {formatVnd(plan.escalation.maxCostVnd)}
        </p>
      )}
      <ReasonCounts
        id="plan-unreachable"
        title="Không kênh nào tới được"
        reasons={plan.unreachable}
        isWarning
      />
      <ReasonCounts
        id="plan-not-pushed"
        title="Không nhận tin trên Zalo, chỉ đọc qua tổ trưởng hoặc trong Mini App"
        reasons={plan.notPushed}
      />
    </>
  );
}

function ReasonCounts(props: {
  id: string;
  title: string;
  reasons: ChannelPlan["unreachable"];
  isWarning?: boolean;
}) {
  const reasons = props.reasons.filter((reason) => reason.count > 0);
  if (reasons.length === 0) return null;
  const total = reasons.reduce((sum, reason) => sum + reason.count, 0);
  return (
    <div className={props.isWarning ? "plan-reasons plan-reasons-warning" : "plan-reasons"}>
      <h3 id={props.id} className="subsection-title">
        {props.title}: {formatCount(total)} người
      </h3>
      <ul className="reason-list" aria-labelledby={props.id}>
        {reasons.map((reason) => (
          <li key={reason.reason}>
            {noPushReasonLabel(reason.reason)}: <strong>{formatCount(reason.count)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
