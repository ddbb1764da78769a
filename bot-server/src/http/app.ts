import express, { type Express } from "express";
import type { ApiContext } from "./api-context.js";
import { authenticate } from "./middleware/auth.js";
import { cors } from "./middleware/cors.js";
import { errorHandler, notFoundHandler } from "./middleware/error-handler.js";
import { apiHeaders, rejectCrossSiteRequests } from "./middleware/security.js";
import { rejectUnstorableText } from "./middleware/validate.js";
import { RouteRegistry } from "./route.js";
import { apiDocsRouter } from "./routes/admin/api-docs.router.js";
import { BULL_BOARD_PATH, bullBoardRouter } from "./routes/admin/bull-board.router.js";
import { oaConnectionRouter } from "./routes/admin/oa-connection.router.js";
import { webhookEventsRouter } from "./routes/admin/webhook-events.router.js";
import { authRouter } from "./routes/auth/auth.router.js";
import { broadcastSchedulesRouter } from "./routes/broadcast-schedules/broadcast-schedules.router.js";
import { broadcastsRouter } from "./routes/broadcasts/broadcasts.router.js";
import { collaboratorsRouter } from "./routes/collaborators/collaborators.router.js";
import { engagementRouter } from "./routes/engagement/engagement.router.js";
import { feedRouter } from "./routes/feed/feed.router.js";
import { feedbackRouter } from "./routes/feedback/feedback.router.js";
import { healthRouter } from "./routes/health/health.router.js";
import { meRouter } from "./routes/me/me.router.js";
import { miniAppRouter } from "./routes/mini-app/mini-app.router.js";
import { moderationRouter } from "./routes/moderation/moderation.router.js";
import { opinionRouter } from "./routes/opinion/opinion.router.js";
import { opinionThemesRouter } from "./routes/opinion-themes/opinion-themes.router.js";
import { postsRouter } from "./routes/posts/posts.router.js";
import { relayRouter } from "./routes/relay/relay.router.js";
import { relayBoardRouter } from "./routes/relay-board/relay-board.router.js";
import { residentialGroupsRouter } from "./routes/residential-groups/residential-groups.router.js";
import { rumoursRouter } from "./routes/rumours/rumours.router.js";
import { signalsRouter } from "./routes/signals/signals.router.js";
import { tasksRouter } from "./routes/tasks/tasks.router.js";
import { uploadsRouter } from "./routes/uploads/uploads.router.js";
import { zaloWebhookRouter } from "./routes/webhooks/zalo-webhook.router.js";
import { zaloSiteRouter } from "./routes/zalo-site/zalo-site.router.js";

export interface AppOptions {
  /** Built Mini App folder; omitted = the API alone. */
  miniAppDistDir?: string;
  isShuttingDown?: () => boolean;
}

const API_VERSION = "0.1.0";

/** The HTTP app; `app.locals.routes` is the registry of every declared route (the API document's source). */
export function createApp(ctx: ApiContext, options: AppOptions = {}): Express {
  const app = express();
  const registry = new RouteRegistry();
  app.locals.routes = registry;
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  // Served over https (behind the ward's proxy): browsers keep to https for this host.
  if (ctx.config.PUBLIC_BASE_URL.startsWith("https:"))
    app.use((_req, res, next) => {
      res.set("strict-transport-security", "max-age=31536000");
      next();
    });
  app.use(["/webhooks", "/health", "/ready", "/api"], apiHeaders);
  // First: Zalo's events are the busiest route. The webhook reads its raw body itself (the signature
  // covers the exact bytes), so it also comes before express.json.
  app.use(zaloWebhookRouter(ctx, registry));
  app.use(healthRouter(ctx, registry, options.isShuttingDown ?? (() => false)));
  app.use(zaloSiteRouter(ctx, registry));

  const api = express.Router();
  api.use(cors(ctx.config.CORS_ORIGINS));
  api.use(rejectCrossSiteRequests(ctx.config.CORS_ORIGINS, ctx.config.PUBLIC_BASE_URL));
  api.use(express.json({ limit: "256kb" }));
  api.use(rejectUnstorableText);
  api.use(authenticate(ctx));
  for (const router of [
    authRouter,
    postsRouter,
    broadcastsRouter,
    broadcastSchedulesRouter,
    feedRouter,
    meRouter,
    engagementRouter,
    uploadsRouter,
    feedbackRouter,
    relayRouter,
    relayBoardRouter,
    signalsRouter,
    rumoursRouter,
    opinionThemesRouter,
    opinionRouter,
    collaboratorsRouter,
    tasksRouter,
    moderationRouter,
    residentialGroupsRouter,
    webhookEventsRouter,
  ])
    api.use(router(ctx, registry));
  const oaConnection = oaConnectionRouter(ctx, registry);
  api.use(oaConnection.api);
  const docs = apiDocsRouter(ctx, registry, API_VERSION);
  api.use(docs.api);
  api.use(notFoundHandler);
  app.use("/api", api);

  app.use(bullBoardRouter(ctx));
  registry.add({
    method: "get",
    path: BULL_BOARD_PATH,
    mount: "",
    tag: "Admin",
    summary: "Bull Board: the queues and failed jobs kept for inspection (admins)",
    access: ["admin"],
    produces: "text/html",
  });
  app.use(docs.pages);
  app.use(oaConnection.back);
  if (options.miniAppDistDir) {
    app.use(miniAppRouter(ctx, options.miniAppDistDir));
    registry.add({
      method: "get",
      path: "/",
      mount: "",
      tag: "Mini App",
      summary: "Redirects to the Mini App, served under /zapps/<id>/ as Zalo serves it",
      access: "public",
      produces: "text/html",
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
