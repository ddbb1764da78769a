import { createRequire } from "node:module";
import express from "express";
import type { ApiContext } from "../../api-context.js";
import { authenticate } from "../../middleware/auth.js";
import { pageHeaders } from "../../middleware/security.js";
import { openApiDocument } from "../../openapi.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const require = createRequire(import.meta.url);
const swaggerUiDir: string = require("swagger-ui-dist").getAbsoluteFSPath();

export const API_DOCS_PATH = "/admin/api";

/** Swagger UI styles inline and draws data: images; nothing else leaves this server. */
const docsPolicy: express.RequestHandler = (_req, res, next) => {
  res.set(
    "content-security-policy",
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  );
  next();
};

const page = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API của Loa Phường</title>
<link rel="stylesheet" href="${API_DOCS_PATH}/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${API_DOCS_PATH}/assets/swagger-ui-bundle.js"></script>
<script src="${API_DOCS_PATH}/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

/**
 * The API contract, generated from the route declarations: the OpenAPI document for staff, and a
 * page to browse it for admins (Swagger UI, served from the package, no outside host).
 */
export function apiDocsRouter(ctx: ApiContext, registry: RouteRegistry, version: string) {
  const api = new RouteTable(ctx, registry);
  let document: unknown;
  api.add(
    {
      method: "get",
      path: "/openapi.json",
      tag: "Admin",
      summary: "This API's OpenAPI 3.1 document",
      access: "staff",
      produces: "application/json",
    },
    ({ res }) => {
      // Built once, on first use: by then every router has declared its routes.
      document ??= openApiDocument(registry, version);
      res.json(document);
      return undefined;
    },
  );

  const pages = new RouteTable(ctx, registry, "");
  // Outside /api: the staff session is read here, as Bull Board does.
  pages.router.use(API_DOCS_PATH, pageHeaders, docsPolicy, authenticate(ctx));
  pages.add(
    {
      method: "get",
      path: API_DOCS_PATH,
      tag: "Admin",
      summary: "Browse the API document (admins)",
      access: ["admin"],
      produces: "text/html",
    },
    ({ res }) => {
      res.type("html").send(page);
      return undefined;
    },
  );
  pages.router.get(`${API_DOCS_PATH}/init.js`, (_req, res) => {
    res.type("js").send(init);
  });
  pages.router.use(`${API_DOCS_PATH}/assets`, express.static(swaggerUiDir, { index: false, maxAge: "1d" }));
  return { api: api.router, pages: pages.router };
}
