import { type ErrorCode, errorTable, type FieldIssue } from "@loa-phuong/shared";

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

export const notFound = (what?: string) =>
  new AppError("not_found", what ? `Không tìm thấy ${what}.` : undefined);

/** A 400 naming each field and why, as `validate` answers: for checks only the store can make. */
export function invalidFields(fields: FieldIssue[]): AppError {
  const names = [...new Set(fields.map((f) => f.field))].join(", ");
  return new AppError("validation_failed", `Dữ liệu không hợp lệ: ${names}.`, fields);
}
