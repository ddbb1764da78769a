import { raiseOpinionSpikes } from "../services/opinion-spikes.js";
import type { JobHandler } from "./job-context.js";

/**
 * Every few minutes (OPINION_SPIKE_INTERVAL_MS): a theme talked about in a residential group far more
 * than in its previous 14 days is said to staff as an alert, once per theme × group × ward day.
 */
export const handleOpinionSpikes: JobHandler<"opinion.spikes"> = async (ctx) => {
  const raised = await raiseOpinionSpikes(ctx.db, ctx.config.WARD_ID);
  if (raised > 0) ctx.logger.info({ raised }, "opinion spikes raised for staff");
};
