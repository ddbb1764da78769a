import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import type { SimContext } from "./context.js";
import type { SimControls } from "./controls.js";
import { sendZaloError, ZaloError, ZnsError } from "./envelope.js";
import { INBOX_PAGE_HTML } from "./inbox-page.js";
import { requireOaToken, zaloApiEntry } from "./middleware/zalo-api.js";
import { adminRouter } from "./routes/admin.router.js";
import { articleRouter } from "./routes/article.router.js";
import { graphRouter } from "./routes/graph.router.js";
import { notificationRouter } from "./routes/notification.router.js";
import { oaConversationRouter } from "./routes/oa-conversation.router.js";
import { oaMessageRouter } from "./routes/oa-message.router.js";
import { oaTagRouter } from "./routes/oa-tag.router.js";
import { oaUserRouter } from "./routes/oa-user.router.js";
import { oauthRouter } from "./routes/oauth.router.js";
import { zbsPhoneRouter } from "./routes/zbs-phone.router.js";

const ADMIN_PREFIX = "/__sim";

/** CORS for /__sim only: the demo page runs on another port; Zalo's own endpoints stay same-origin. */
const adminCors: RequestHandler = (req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "content-type");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
};

export function createApp(ctx: SimContext, controls: SimControls): Express {
  const app = express();
  app.disable("x-powered-by");
  // ETags cost a hash per response and no client revalidates these answers.
  app.set("etag", false);

  // CORS runs before the body parsers so that a preflight or a bad body still carries the headers.
  app.use(ADMIN_PREFIX, adminCors);
  // Bulk upserts of 100,000 users for benchmarks exceed Zalo's 1 MB; the global parser skips parsed bodies.
  app.use(ADMIN_PREFIX, express.json({ limit: "100mb" }));
  app.use(
    express.json({
      limit: "1mb",
      // Kept for user ids sent as unquoted numbers beyond 2^53 (see messages/user-id.ts).
      verify: (_req, res, buf) => {
        (res as unknown as { locals: Record<string, unknown> }).locals.rawBody = buf;
      },
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: "1mb" }));

  app.use(ADMIN_PREFIX, adminRouter(ctx, controls));
  app.get(["/", "/inbox"], (_req, res) => {
    res.type("html").send(INBOX_PAGE_HTML);
  });

  // `/message` (ZBS by phone) and `/notification` (Mini App) are other Zalo hosts in production; here
  // they share the one server, unprefixed, as the bot server's configurable base URLs expect.
  app.use(["/v2.0", "/v3.0", "/v4", "/message", "/notification"], zaloApiEntry(ctx));
  // Auth is attached per route so that an unknown path is a 404, not an auth error. The routers'
  // paths are disjoint; message sends, by far the busiest, are matched first.
  const oaAuth = requireOaToken(ctx);
  app.use(
    oaMessageRouter(ctx, oaAuth),
    zbsPhoneRouter(ctx),
    notificationRouter(ctx),
    articleRouter(ctx, oaAuth),
    oaUserRouter(ctx, oaAuth),
    oaTagRouter(ctx, oaAuth),
    oaConversationRouter(ctx, oaAuth),
  );
  app.use(oauthRouter(ctx));
  app.use(graphRouter(ctx));

  app.use((req, res) => {
    res.status(404).json({ error: 404, message: `No such endpoint: ${req.method} ${req.path}` });
  });
  app.use(errorHandler(ctx));
  return app;
}

function errorHandler(ctx: SimContext): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: string }).type;
    const isAdmin = req.path.startsWith(ADMIN_PREFIX);
    if (type === "entity.parse.failed" || type === "entity.too.large") {
      const tooLarge = type === "entity.too.large";
      if (isAdmin) {
        res
          .status(tooLarge ? 413 : 400)
          .json({ error: "invalid_body", message: tooLarge ? "Body too large" : "Malformed JSON" });
        return;
      }
      // Zalo answers a bad body with its envelope, not an HTML error page; the ZBS-by-phone API
      // with its own (ZNS) code.
      if (req.path.startsWith("/message/"))
        return sendZaloError(res, ZnsError.bodyNotJson, tooLarge ? "Body is too large" : "Body is not JSON");
      if (tooLarge) return sendZaloError(res, ZaloError.paramExceedsLimit, "body exceeds the limit of 1 MB");
      return sendZaloError(res, ZaloError.invalidParam, "body is invalid!");
    }
    const id = ctx.ids.token(12);
    ctx.config.logger.error("unhandled error", {
      id,
      path: req.path,
      error: String((error as Error).stack ?? error),
    });
    res.status(500).json({ error: -1, message: `Internal simulator error (id ${id})` });
  };
}
