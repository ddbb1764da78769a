import { buildBroadcastMessage, deliveryRef, postDeepLink, windowEndIfInside } from "@loa-phuong/shared";
import { DelayedError, RateLimitError } from "bullmq";
import { autoPauseOnErrors, pauseBroadcasts } from "../services/broadcast-control.js";
import { CallTooLate } from "../zalo/oa-client.js";
import type { PacerPermit } from "../zalo/send-pacer.js";
import { OaAuthorizationLost, ZaloError } from "../zalo/zalo-error.js";
import { findInConversation } from "./delivery-in-doubt.js";
import {
  type ClaimedDelivery,
  claimDeliveries,
  leasedDeliveries,
  type Release,
  releaseDeliveries,
  type Settlement,
  settleDeliveries,
} from "./delivery-rows.js";
import type { JobContext, JobHandler } from "./job-context.js";

/** A claim on a delivery row outlives any Zalo call (with one token refresh), so only a dead worker's claim expires. */
export const leaseSeconds = (ctx: Pick<JobContext, "config">) =>
  Math.ceil((ctx.config.ZALO_HTTP_TIMEOUT_MS * 3) / 1000);

type Outcome =
  | { settle: Settlement }
  | {
      release: Release;
      rateLimited?: boolean;
      inDoubt?: boolean;
      late?: boolean;
      authorizationLost?: boolean;
    }
  | { hold: Release };

/** Room between the last call's timeout and the end of the lease (clock reads, event-loop lag). */
const LEASE_MARGIN_MS = 500;

/**
 * Sends a batch of deliveries, each exactly once. Rows are claimed (status `sending`, a lease) before
 * Zalo is called; a row found `sending` from an earlier attempt is in doubt — Zalo may have accepted
 * it — so the OA conversation is searched for its reference before anything is resent. Outcomes are
 * written in one statement; the job is retried (backoff) only for rows still in doubt, and a retry
 * skips rows already settled.
 */
export const handleDeliverySend: JobHandler<"delivery.send"> = async (ctx, { deliveryIds }, job, token) => {
  // Taken before the claim, so it errs early: no call for a claimed row may start later than this,
  // so that every call ends (answered or timed out) while the lease still holds — once it runs out,
  // another worker may claim the row and look for the message in the OA conversation.
  const startBy = Date.now() + leaseSeconds(ctx) * 1000 - ctx.config.ZALO_HTTP_TIMEOUT_MS - LEASE_MARGIN_MS;
  const claimed = await claimDeliveries(ctx.db, deliveryIds, leaseSeconds(ctx));
  // One pacing round trip for the batch's fresh sends (rows in doubt are reconciled first, paced per call).
  const fresh = claimed.filter((row) => isSendable(ctx, row) && row.previous_status === "pending").length;
  const permit = fresh > 0 ? await ctx.oa.pace(fresh) : undefined;
  let outcomes: Outcome[];
  try {
    outcomes = await Promise.all(
      claimed.map((row) =>
        sendOne(ctx, row, startBy, row.previous_status === "pending" ? permit : undefined),
      ),
    );
  } finally {
    await permit?.settle();
  }

  await settleDeliveries(
    ctx.db,
    outcomes.flatMap((o) => ("settle" in o ? [o.settle] : [])),
  );
  await releaseDeliveries(
    ctx.db,
    outcomes.flatMap((o) => ("release" in o ? [o.release] : "hold" in o ? [o.hold] : [])),
  );

  const failedBroadcasts = new Set(
    outcomes.flatMap((o) =>
      "settle" in o && o.settle.status === "failed" && o.settle.errorCode !== "cancelled"
        ? [claimed.find((c) => c.id === o.settle.id)!.broadcast_id]
        : [],
    ),
  );
  for (const broadcastId of failedBroadcasts) {
    await autoPauseOnErrors(ctx.db, broadcastId, {
      window: ctx.config.AUTO_PAUSE_WINDOW,
      threshold: ctx.config.AUTO_PAUSE_ERROR_RATE,
    });
  }

  // The OA lost its authorisation: every send would fail alike. Pause for a person (an alert is raised),
  // keep every row as it was, and end the job: "Tiếp tục" after a new consent sends them.
  const unauthorised = new Set(
    outcomes.flatMap((o) =>
      "release" in o && o.authorizationLost ? [claimed.find((c) => c.id === o.release.id)!.broadcast_id] : [],
    ),
  );
  if (unauthorised.size > 0) {
    await pauseBroadcasts(ctx.db, [...unauthorised], "oa_authorization");
    return;
  }

  const quietEnd = outcomes.some((o) => "hold" in o)
    ? windowEndIfInside(ctx.config.QUIET_HOURS, Date.now())
    : undefined;
  if (quietEnd) {
    await job.moveToDelayed(quietEnd.getTime(), token);
    throw new DelayedError();
  }
  if (outcomes.some((o) => "release" in o && o.rateLimited)) {
    // Zalo said -32: nothing was sent for those rows. Pause this worker a little and come back.
    await ctx.rateLimitDeliveries(
      Math.max(250, Math.ceil(60_000 / ctx.config.ZALO_RATE_LIMIT_PER_MINUTE) * 50),
    );
    throw new RateLimitError();
  }
  const inDoubt = outcomes.filter((o) => "release" in o && o.inDoubt).length;
  if (inDoubt > 0) throw new Error(`${inDoubt} lần gửi chưa rõ kết quả; sẽ đối chiếu với Zalo rồi thử lại`);
  const late = outcomes.filter((o) => "release" in o && o.late).length;
  if (late > 0) throw new Error(`${late} lần gửi chưa kịp thực hiện trong thời hạn giữ; sẽ thử lại`);
  // Rows under another worker's live lease: look again once the lease would have run out.
  if (
    (
      await leasedDeliveries(
        ctx.db,
        deliveryIds.filter((id) => !claimed.some((c) => c.id === id)),
        leaseSeconds(ctx),
      )
    ).length > 0
  ) {
    await job.moveToDelayed(Date.now() + leaseSeconds(ctx) * 1000, token);
    throw new DelayedError();
  }
};

function isSendable(ctx: JobContext, row: ClaimedDelivery): boolean {
  return (
    row.broadcast_status !== "cancelled" &&
    row.broadcast_status !== "paused" &&
    !!row.zalo_oa_user_id &&
    (row.is_urgent || !windowEndIfInside(ctx.config.QUIET_HOURS, Date.now()))
  );
}

async function sendOne(
  ctx: JobContext,
  row: ClaimedDelivery,
  startBy: number,
  permit: PacerPermit | undefined,
): Promise<Outcome> {
  const lease = row.lease;
  const cancelled: Outcome = {
    settle: {
      id: row.id,
      lease,
      status: "failed",
      errorCode: "cancelled",
      errorMessage: "Đợt gửi đã bị hủy.",
    },
  };
  // A row in doubt may have been sent before the cancel: it is looked up first (below).
  if (row.broadcast_status === "cancelled" && (row.previous_status !== "sending" || !row.zalo_oa_user_id))
    return cancelled;
  // Paused: resuming re-runs the wave, which enqueues this row again.
  if (row.broadcast_status === "paused")
    return { release: { id: row.id, lease, status: row.previous_status } };
  if (!row.is_urgent && windowEndIfInside(ctx.config.QUIET_HOURS, Date.now()))
    return { hold: { id: row.id, lease, status: row.previous_status } };
  if (!row.zalo_oa_user_id)
    return {
      settle: {
        id: row.id,
        lease,
        status: "fallback",
        channel: "feed",
        errorCode: "not_follower",
        errorMessage: "Người dân chưa quan tâm OA.",
      },
    };
  const ref = deliveryRef(row.id);
  const templateId = row.channel === "template" ? ctx.config.ZALO_FALLBACK_TEMPLATE_ID : undefined;
  const isTemplate = templateId !== undefined;
  try {
    if (row.previous_status === "sending") {
      const found = await findInConversation(ctx, row.zalo_oa_user_id, ref, startBy);
      if (found) return { settle: { id: row.id, lease, status: "sent", zaloMessageId: found } };
      if (row.broadcast_status === "cancelled") return cancelled;
      // Zalo does not document whether the conversation shows a template's parameters, so not finding
      // one proves nothing: a template that may have gone out is not sent again (it would be a second,
      // billed message). The post is in the resident's feed either way.
      if (isTemplate)
        return {
          settle: {
            id: row.id,
            lease,
            status: "fallback",
            channel: "feed",
            errorCode: "template_in_doubt",
            errorMessage: TEMPLATE_IN_DOUBT,
          },
        };
    }
    const link = postDeepLink(ctx.config.ZALO_MINI_APP_ID, row.post_id, ref);
    if (isTemplate) {
      const data = { title: row.title.slice(0, 100), summary: (row.summary ?? row.body).slice(0, 200), link };
      const { messageId } = await ctx.oa.sendTemplateMessage(row.zalo_oa_user_id, templateId, data, {
        startBy,
        permit,
      });
      return { settle: { id: row.id, lease, status: "sent", zaloMessageId: messageId } };
    }
    const message = buildBroadcastMessage(
      { title: row.title, summary: row.summary, body: row.body, imageUrl: row.image_url },
      link,
      ctx.config.OA_MESSAGE_FORMAT,
    );
    const { messageId } = await ctx.oa.sendCsMessage(row.zalo_oa_user_id, message, { startBy, permit });
    return { settle: { id: row.id, lease, status: "sent", zaloMessageId: messageId } };
  } catch (error) {
    // Not called: the row goes back as it came (pending stays pending; in doubt stays in doubt).
    if (error instanceof CallTooLate)
      return { release: { id: row.id, lease, status: row.previous_status }, late: true };
    if (!(error instanceof ZaloError)) throw error;
    // No token to call with: nothing was sent; the row goes back as it came and its broadcast pauses.
    if (error instanceof OaAuthorizationLost)
      return { release: { id: row.id, lease, status: row.previous_status }, authorizationLost: true };
    const code = `zalo_${error.code ?? error.kind}`;
    // -32: refused, so certainly not sent (a reconcile call refused leaves the row as it was).
    if (error.isRateLimited)
      return {
        release: {
          id: row.id,
          lease,
          status: row.previous_status,
          errorCode: code,
          errorMessage: error.message,
        },
        rateLimited: true,
      };
    if (error.isUnreachableResident)
      return {
        settle: {
          id: row.id,
          lease,
          status: "fallback",
          channel: "feed",
          errorCode: code,
          errorMessage: error.message,
        },
      };
    // In doubt: keep `sending` without a lease, so the retry reconciles first.
    if (error.isTransient || error.kind === "contract")
      return {
        release: { id: row.id, lease, status: "sending", errorCode: code, errorMessage: error.message },
        inDoubt: true,
      };
    return { settle: { id: row.id, lease, status: "failed", errorCode: code, errorMessage: error.message } };
  }
}

const TEMPLATE_IN_DOUBT =
  "Không rõ Zalo đã nhận tin mẫu hay chưa (mất câu trả lời khi gửi); không gửi lại để tránh gửi trùng. " +
  "Người dân vẫn xem được trong Mini App.";
