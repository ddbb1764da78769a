/**
 * Every error the API answers with. The HTTP status and the Vietnamese message shown to the user
 * live here so the server and the Mini App agree on both.
 */
export const errorTable = {
  validation_failed: { status: 400, message: "Dữ liệu gửi lên không hợp lệ." },
  malformed_json: { status: 400, message: "Nội dung gửi lên không phải JSON hợp lệ." },
  payload_too_large: { status: 413, message: "Nội dung gửi lên quá lớn." },
  unauthenticated: { status: 401, message: "Vui lòng đăng nhập." },
  invalid_credentials: { status: 401, message: "Tên đăng nhập hoặc mật khẩu không đúng." },
  invalid_signature: { status: 401, message: "Chữ ký webhook không hợp lệ." },
  zalo_token_invalid: { status: 401, message: "Phiên Zalo không hợp lệ, vui lòng mở lại ứng dụng." },
  forbidden: { status: 403, message: "Bạn không có quyền thực hiện thao tác này." },
  not_found: { status: 404, message: "Không tìm thấy dữ liệu." },
  invalid_transition: { status: 409, message: "Thao tác không phù hợp với trạng thái hiện tại." },
  self_approval: { status: 403, message: "Người duyệt phải khác người soạn bài." },
  conflict: { status: 409, message: "Dữ liệu đã thay đổi, vui lòng tải lại." },
  too_many_requests: { status: 429, message: "Bạn thao tác quá nhanh, vui lòng thử lại sau." },
  queue_unavailable: { status: 503, message: "Hệ thống hàng đợi tạm thời không sẵn sàng, vui lòng thử lại." },
  zalo_unavailable: { status: 502, message: "Không kết nối được với Zalo, vui lòng thử lại." },
  internal: { status: 500, message: "Đã có lỗi xảy ra, vui lòng thử lại." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorTable;
export const errorCodes = Object.keys(errorTable) as [ErrorCode, ...ErrorCode[]];

export interface FieldIssue {
  field: string;
  message: string;
}
