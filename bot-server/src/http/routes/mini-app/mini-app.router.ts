import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { Router } from "express";
import type { ApiContext } from "../../api-context.js";
import { miniAppHeaders } from "../../middleware/security.js";

/**
 * Serves the built Mini App the way Zalo does: under /zapps/<miniAppId>/ with window.APP_ID set
 * before the bundle runs (zmp-ui's router uses that as its basename). `/` redirects there.
 */
export function miniAppRouter(ctx: ApiContext, distDir: string): Router {
  // strict: "/zapps/<id>" and "/zapps/<id>/" are different routes (one redirects to the other).
  const router = Router({ strict: true });
  const base = `/zapps/${ctx.config.ZALO_MINI_APP_ID}`;
  const indexFile = path.join(distDir, "index.html");

  router.get("/", (_req, res) => res.redirect(302, `${base}/`));
  // The app shell and its assets go out compressed (a third of the bytes on a weak mobile link).
  router.use(base, compression());

  if (!existsSync(indexFile)) {
    ctx.logger.warn({ distDir }, "Mini App build not found; run `npm run build -w @loa-phuong/mini-app`");
    router.get(`${base}/{*rest}`, (_req, res) => {
      res
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("Chưa có bản dựng Mini App. Chạy: npm run build -w @loa-phuong/mini-app");
    });
    return router;
  }

  const runtimeConfig = {
    apiBaseUrl: "",
    miniAppId: ctx.config.ZALO_MINI_APP_ID,
    oaId: ctx.config.ZALO_OA_ID,
    oaMessageFormat: ctx.config.OA_MESSAGE_FORMAT,
    demo: ctx.config.DEMO_MODE ? { simulatorUrl: ctx.config.ZALO_SIM_URL } : null,
  };
  // zmp-vite-plugin emits relative asset paths; <base> keeps them right on deep links like /post/<id>.
  const inlineScript =
    `window.APP_ID=${JSON.stringify(ctx.config.ZALO_MINI_APP_ID)};` +
    `window.LOA_CONFIG=${JSON.stringify(runtimeConfig).replace(/</g, "\\u003c")};`;
  const inject = `<base href="${base}/"><script>${inlineScript}</script>`;
  router.use(
    base,
    miniAppHeaders({
      staffPathPrefix: "/staff",
      inlineScript,
      connectTo: ctx.config.DEMO_MODE ? [new URL(ctx.config.ZALO_SIM_URL).origin] : [],
    }),
  );
  const html = readFileSync(indexFile, "utf8").replace("<head>", `<head>${inject}`);
  const sendIndex: express.RequestHandler = (_req, res) => {
    res.set("cache-control", "no-cache").type("html").send(html);
  };

  router.get(`${base}`, (_req, res) => res.redirect(301, `${base}/`));
  router.get(`${base}/`, sendIndex);
  router.get(`${base}/index.html`, sendIndex);
  router.use(
    base,
    express.static(distDir, { index: false, immutable: true, maxAge: "365d", fallthrough: true }),
  );
  // Client-side routes (/post/<id>, …) all load the app shell.
  router.get(`${base}/{*rest}`, (req, res, next) =>
    path.extname(req.path) ? next() : sendIndex(req, res, next),
  );
  return router;
}
