import { z } from "zod";

/** The dashboard's period: the last N ward days, today included. */
export const opinionPeriodQuerySchema = z.strictObject({
  days: z.coerce
    .number("Số ngày phải là một số")
    .int("Số ngày phải là số nguyên")
    .min(1, "Số ngày từ 1 đến 90")
    .max(90, "Số ngày từ 1 đến 90")
    .default(14),
});
export type OpinionPeriodQuery = z.infer<typeof opinionPeriodQuerySchema>;

const sentimentCounts = z.object({ negative: z.number(), neutral: z.number(), positive: z.number() });
export type SentimentCounts = z.infer<typeof sentimentCounts>;

/** A theme or a residential group with its residents' feelings in all and day by day. */
const sentimentSeries = z.object({
  /** A theme id or group id; "unthemed", "small" (groups under 5 residents) or "none" for the other rows. */
  key: z.string(),
  label: z.string(),
  /** Messages with words in the period (labelled or not yet). */
  total: z.number(),
  sentiment: sentimentCounts,
  /** One entry per day of `dates`, in order. */
  byDay: z.array(sentimentCounts),
});
export type SentimentSeries = z.infer<typeof sentimentSeries>;

export const opinionDashboardSchema = z
  .object({
    /** The period's ward days, dd/mm/yyyy, oldest first. */
    dates: z.array(z.string()),
    from: z.string(),
    to: z.string(),
    totals: z.object({
      messages: z.number(),
      /** Messages the toxicity model (or staff) labelled, and those offensive or hateful among them. */
      labelled: z.number(),
      toxic: z.number(),
      toxicShare: z.number(),
    }),
    byTheme: z.array(sentimentSeries),
    /** Groups under 5 confirmed residents are one row, "Các tổ dưới 5 người", never named. */
    byGroup: z.array(sentimentSeries),
    /** Near-duplicate messages: what many residents say in their own words. */
    topClusters: z.array(
      z.object({
        count: z.number(),
        text: z.string(),
        /** The representative text is offensive: blurred until staff reveal it. */
        isToxic: z.boolean(),
        groups: z.array(z.string()),
        firstAt: z.string(),
        lastAt: z.string(),
      }),
    ),
    rumours: z.array(
      z.object({
        claimId: z.string(),
        claim: z.string(),
        total: z.number(),
        byGroup: z.array(z.object({ label: z.string(), messages: z.number() })),
      }),
    ),
    /** Residents' questions no staff answer has reached yet (whatever the period). */
    questionsWaiting: z.object({ count: z.number(), oldestAt: z.string().nullable() }),
    /** Spike alerts staff have not dismissed, newest first. */
    spikes: z.array(
      z.object({
        id: z.string(),
        message: z.string(),
        createdAt: z.string(),
        theme: z.string(),
        group: z.string(),
        recent: z.number(),
        dailyMean: z.number(),
      }),
    ),
  })
  .meta({ id: "OpinionDashboard" });
export type OpinionDashboard = z.infer<typeof opinionDashboardSchema>;
