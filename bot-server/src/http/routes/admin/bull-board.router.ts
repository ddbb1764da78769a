import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Router } from "express";
import type { ApiContext } from "../../api-context.js";
import { authenticate, requireStaff } from "../../middleware/auth.js";

export const BULL_BOARD_PATH = "/admin/queues";

/** Bull Board, for admins only (staff session cookie): queues, failed jobs kept for inspection. */
export function bullBoardRouter(ctx: ApiContext): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: Object.values(ctx.queues).map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
  });
  const router = Router();
  router.use(BULL_BOARD_PATH, authenticate(ctx), requireStaff("admin"), adapter.getRouter());
  return router;
}
