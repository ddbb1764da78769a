import { Router } from "express";
import type { ApiContext } from "../../api-context.js";
import type { RouteRegistry } from "../../route.js";

/** The page Zalo's "Xác thực tên miền" reads: the verification code in Zalo's meta tag. */
export function verificationPage(code: string): string {
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8">` +
    `<meta name="zalo-platform-site-verification" content="${code}" /></head>` +
    `<body>Xác thực tên miền cho Zalo.</body></html>`
  );
}

/**
 * Zalo verifies the webhook's domain before it sends events there (docs/zalo-contracts.md §10): the
 * ward's admin downloads `zalo_verifier<code>.html` from Zalo's console; here the code comes from
 * `ZALO_SITE_VERIFICATION_CODE` and the same file is served at the domain's root.
 */
export function zaloSiteRouter(ctx: ApiContext, registry: RouteRegistry): Router {
  const router = Router();
  const code = ctx.config.ZALO_SITE_VERIFICATION_CODE;
  if (!code) return router;
  const path = `/zalo_verifier${code}.html`;
  router.get(path, (_req, res) => {
    res.type("html").set("cache-control", "no-store").send(verificationPage(code));
  });
  registry.add({
    method: "get",
    path,
    mount: "",
    tag: "Zalo",
    summary: "Zalo's domain verification file (from ZALO_SITE_VERIFICATION_CODE)",
    access: "public",
    produces: "text/html",
  });
  return router;
}
