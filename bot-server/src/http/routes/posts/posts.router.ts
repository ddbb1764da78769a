import {
  approvePostRequestSchema,
  createPostRequestSchema,
  idParamsSchema,
  postListQuerySchema,
  rejectPostRequestSchema,
} from "@loa-phuong/shared";
import { Router } from "express";
import {
  approvePost,
  createPost,
  getPost,
  listPosts,
  rejectPost,
  reviewPost,
  submitPost,
  updatePost,
} from "../../../services/posts.js";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";
import { updatePostRequestSchema } from "./posts.schema.js";

/** Staff: write, submit, approve or reject posts. Roles are checked again in the services. */
export function postsRouter(ctx: ApiContext): Router {
  const router = Router();
  router.use("/posts", requireStaff());

  router.post(
    "/posts",
    requireStaff("editor"),
    validate({ body: createPostRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: createPostRequestSchema });
      res.status(201).json(await createPost(ctx.db, staffOf(res), body));
    },
  );

  router.get("/posts", validate({ query: postListQuerySchema }), async (_req, res) => {
    const { query } = valid(res, { query: postListQuerySchema });
    res.json({ items: await listPosts(ctx.db, staffOf(res).wardId, query) });
  });

  router.get("/posts/:id/review", validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await reviewPost(ctx.db, staffOf(res).wardId, params.id));
  });

  router.get("/posts/:id", validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await getPost(ctx.db, staffOf(res).wardId, params.id));
  });

  router.patch(
    "/posts/:id",
    requireStaff("editor"),
    validate({ params: idParamsSchema, body: updatePostRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: updatePostRequestSchema });
      res.json(await updatePost(ctx.db, staffOf(res), params.id, body));
    },
  );

  router.post(
    "/posts/:id/submit",
    requireStaff("editor"),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      res.json(await submitPost(ctx.db, staffOf(res), params.id));
    },
  );

  router.post(
    "/posts/:id/approve",
    requireStaff("approver"),
    validate({ params: idParamsSchema, body: approvePostRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: approvePostRequestSchema });
      res.json(await approvePost(ctx.db, staffOf(res), params.id, body.version));
    },
  );

  router.post(
    "/posts/:id/reject",
    requireStaff("approver"),
    validate({ params: idParamsSchema, body: rejectPostRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: rejectPostRequestSchema });
      res.json(await rejectPost(ctx.db, staffOf(res), params.id, body.reason));
    },
  );

  return router;
}
