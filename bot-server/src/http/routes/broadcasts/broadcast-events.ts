import type { Request, Response } from "express";
import { broadcastProgress } from "../../../services/broadcast-progress.js";
import type { ApiContext } from "../../api-context.js";

const INTERVAL_MS = 1000;
const FINAL = new Set(["sent", "cancelled", "failed"]);

/**
 * Server-sent events: the broadcast's progress once a second while it changes, until it is final or
 * the browser goes away. The first event is sent at once, so the page never starts empty.
 */
export async function streamProgress(
  ctx: ApiContext,
  req: Request,
  res: Response,
  wardId: string,
  broadcastId: string,
): Promise<void> {
  const first = await broadcastProgress(ctx.db, wardId, broadcastId);
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  let last = "";
  let closed = false;
  const send = (progress: Awaited<ReturnType<typeof broadcastProgress>>) => {
    const data = JSON.stringify(progress);
    if (data === last) return;
    last = data;
    res.write(`event: progress\ndata: ${data}\n\n`);
  };
  send(first);
  if (FINAL.has(first.broadcast.status) && first.settledRatio === 1) {
    res.end();
    return;
  }
  const timer = setInterval(() => {
    broadcastProgress(ctx.db, wardId, broadcastId).then(
      (progress) => {
        if (closed) return;
        send(progress);
        if (FINAL.has(progress.broadcast.status) && progress.settledRatio === 1) stop();
      },
      (err: unknown) => {
        ctx.logger.warn({ err, broadcastId }, "progress stream failed");
        stop();
      },
    );
  }, INTERVAL_MS);
  const stop = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    res.end();
  };
  req.on("close", stop);
}
