import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { type Express, Router } from "express";
import type { ApiContext } from "../../api-context.js";
import { authenticate, requireStaff } from "../../middleware/auth.js";
import { pageHeaders } from "../../middleware/security.js";

export const BULL_BOARD_PATH = "/admin/queues";

/** Bull Board, for admins only (staff session cookie): queues, failed jobs kept for inspection. */
export function bullBoardRouter(ctx: ApiContext): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: Object.values(ctx.queues).map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
  });
  const board = adapter.getRouter() as Express;
  board.disable("x-powered-by");
  const router = Router();
  router.use(BULL_BOARD_PATH, pageHeaders, authenticate(ctx), requireStaff("admin"), board);
  return router;
}
