import express, { type Express } from "express";
import type { ApiContext } from "./api-context.js";
import { authenticate } from "./middleware/auth.js";
import { cors } from "./middleware/cors.js";
import { errorHandler, notFoundHandler } from "./middleware/error-handler.js";
import { rejectNulCharacters } from "./middleware/validate.js";
import { bullBoardRouter } from "./routes/admin/bull-board.router.js";
import { authRouter } from "./routes/auth/auth.router.js";
import { staffZaloRouter } from "./routes/auth/staff-zalo.router.js";
import { broadcastSchedulesRouter } from "./routes/broadcast-schedules/broadcast-schedules.router.js";
import { broadcastsRouter } from "./routes/broadcasts/broadcasts.router.js";
import { engagementRouter } from "./routes/engagement/engagement.router.js";
import { feedRouter } from "./routes/feed/feed.router.js";
import { feedbackRouter } from "./routes/feedback/feedback.router.js";
import { healthRouter } from "./routes/health/health.router.js";
import { meRouter } from "./routes/me/me.router.js";
import { miniAppRouter } from "./routes/mini-app/mini-app.router.js";
import { postsRouter } from "./routes/posts/posts.router.js";
import { relayRouter } from "./routes/relay/relay.router.js";
import { relayBoardRouter } from "./routes/relay-board/relay-board.router.js";
import { residentialGroupsRouter } from "./routes/residential-groups/residential-groups.router.js";
import { signalsRouter } from "./routes/signals/signals.router.js";
import { uploadsRouter } from "./routes/uploads/uploads.router.js";
import { zaloWebhookRouter } from "./routes/webhooks/zalo-webhook.router.js";

export interface AppOptions {
  /** Built Mini App folder; omitted = the API alone. */
  miniAppDistDir?: string;
  isShuttingDown?: () => boolean;
}

export function createApp(ctx: ApiContext, options: AppOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  // First: Zalo's events are the busiest route. The webhook reads its raw body itself (the signature
  // covers the exact bytes), so it also comes before express.json.
  app.use(zaloWebhookRouter(ctx));
  app.use(healthRouter(ctx, options.isShuttingDown ?? (() => false)));

  const api = express.Router();
  api.use(cors(ctx.config.CORS_ORIGINS));
  api.use(express.json({ limit: "256kb" }));
  api.use(rejectNulCharacters);
  api.use(authenticate(ctx));
  api.use(authRouter(ctx));
  api.use(staffZaloRouter(ctx));
  api.use(postsRouter(ctx));
  api.use(broadcastsRouter(ctx));
  api.use(broadcastSchedulesRouter(ctx));
  api.use(feedRouter(ctx));
  api.use(meRouter(ctx));
  api.use(engagementRouter(ctx));
  api.use(uploadsRouter(ctx));
  api.use(feedbackRouter(ctx));
  api.use(relayRouter(ctx));
  api.use(relayBoardRouter(ctx));
  api.use(signalsRouter(ctx));
  api.use(residentialGroupsRouter(ctx));
  api.use(notFoundHandler);
  app.use("/api", api);

  app.use(bullBoardRouter(ctx));
  if (options.miniAppDistDir) app.use(miniAppRouter(ctx, options.miniAppDistDir));
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
