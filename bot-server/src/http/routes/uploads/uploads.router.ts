import path from "node:path";
import { idParamsSchema, MAX_UPLOAD_BYTES } from "@loa-phuong/shared";
import express, { Router } from "express";
import { resolveFromRoot } from "../../../config/config.js";
import { AppError } from "../../../errors/app-error.js";
import { readUpload, storeUpload } from "../../../services/uploads.js";
import type { ApiContext } from "../../api-context.js";
import { authOf, requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** Photos for reports: the body is the image itself (what chooseImage or a file input gives), checked by its bytes. */
export function uploadsRouter(ctx: ApiContext): Router {
  const router = Router();
  const dir = path.join(resolveFromRoot(ctx.config.DATA_DIR), "uploads");

  router.post(
    "/uploads",
    requireResident,
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    async (req, res) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.status(201).json(await storeUpload(ctx.db, dir, residentOf(res).id, bytes));
    },
  );

  router.get("/uploads/:id", validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    const auth = authOf(res);
    if (!auth) throw new AppError("unauthenticated");
    const file = await readUpload(
      ctx.db,
      dir,
      params.id,
      auth.type === "staff" ? { isStaff: true } : { isStaff: false, residentId: auth.resident.id },
    );
    res.set("cache-control", "private, max-age=86400").type(file.contentType).send(file.bytes);
  });

  return router;
}
