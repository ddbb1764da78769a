import { randomUUID } from "node:crypto";
import { type ErrorResponse, errorTable } from "@loa-phuong/shared";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { AppError, invalidFields } from "../../errors/app-error.js";

/** Known errors become { error, message } with their status; anything else a 500 with a logged id. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    if (known) {
      const body: ErrorResponse = {
        error: known.code,
        message: known.message,
        ...(known.fields ? { fields: known.fields } : {}),
      };
      res.status(known.status).json(body);
      return;
    }
    const errorId = randomUUID();
    logger.error({ err, errorId, method: req.method, url: req.originalUrl }, "unhandled error");
    const body: ErrorResponse = { error: "internal", message: errorTable.internal.message, errorId };
    res.status(500).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError("not_found", `Không có đường dẫn ${req.method} ${req.path}.`);
};

/** Errors thrown by body-parser (bad JSON, too large) arrive as plain errors with a `type`. */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  // A schema check that escaped a route's declaration is still the caller's bad input, never a 500.
  if (err instanceof ZodError)
    return invalidFields(
      err.issues.map((issue) => ({
        field: issue.path.map(String).join(".") || "body",
        message: issue.message,
      })),
    );
  // A path with a malformed percent-encoding (`/api/feed/%E0%A4%A`).
  if (err instanceof URIError) return new AppError("validation_failed", "Đường dẫn không hợp lệ.");
  const type = (err as { type?: unknown })?.type;
  if (type === "entity.parse.failed") return new AppError("malformed_json");
  if (type === "entity.too.large") return new AppError("payload_too_large");
  if (type === "encoding.unsupported" || type === "charset.unsupported")
    return new AppError("validation_failed", "Bảng mã không được hỗ trợ.");
  // Any other refusal of body-parser (a body that does not inflate as its content-encoding says, a
  // length that does not match): an http-errors 4xx, marked `expose`. The request was bad, not the server.
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  if (expose === true && typeof status === "number" && status >= 400 && status < 500)
    return new AppError("validation_failed", "Không đọc được nội dung gửi lên.");
  return undefined;
}
