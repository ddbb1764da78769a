import { idParamsSchema, MAX_UPLOAD_BYTES, uploadResponseSchema } from "@loa-phuong/shared";
import express from "express";
import { uploadsDirOf } from "../../../config/config.js";
import { readUpload, storeUpload } from "../../../services/uploads.js";
import type { ApiContext } from "../../api-context.js";
import { authOf } from "../../middleware/auth.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Feedback";
const imageTypes = ["image/jpeg", "image/png", "image/webp"];

/** Photos for reports: the body is the image itself (what chooseImage or a file input gives), checked by its bytes. */
export function uploadsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const dir = uploadsDirOf(ctx.config);

  routes.add(
    {
      method: "post",
      path: "/uploads",
      tag,
      summary: "Upload a photo for a report (≤ 3 MB; 413 / 415)",
      access: "resident",
      consumes: imageTypes,
      use: [rateLimit(ctx, limits.uploads), express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES })],
      response: uploadResponseSchema,
      status: 201,
    },
    ({ resident, req }) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return storeUpload(ctx.db, dir, resident.id, bytes);
    },
  );

  routes.add(
    {
      method: "get",
      path: "/uploads/:id",
      tag,
      summary: "An uploaded photo (its owner, or staff)",
      access: "signedIn",
      params: idParamsSchema,
      produces: "image/*",
    },
    async ({ params, res }) => {
      const auth = authOf(res)!;
      const viewer =
        auth.type === "staff" ? { isStaff: true } : { isStaff: false, residentId: auth.resident.id };
      const file = await readUpload(ctx.db, dir, params.id, viewer);
      res.set("cache-control", "private, max-age=86400").type(file.contentType).send(file.bytes);
      return undefined;
    },
  );

  return routes.router;
}
