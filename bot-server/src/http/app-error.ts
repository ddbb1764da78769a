import { errorTable, type ErrorCode, type FieldIssue } from "@loa-phuong/shared";

/** The one error type the API raises on purpose; the error middleware turns it into a response. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message ?? errorTable[code].message);
    this.name = "AppError";
    this.status = errorTable[code].status;
  }
}

export const notFound = (what?: string) => new AppError("not_found", what ? `Không tìm thấy ${what}.` : undefined);
