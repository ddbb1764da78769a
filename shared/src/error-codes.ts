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
  already_answered: { status: 409, message: "Bạn đã trả lời khảo sát này." },
  cannot_reach_by_oa: { status: 409, message: "Zalo không cho phép OA nhắn tin cho người dân này lúc này." },
  unsupported_media: { status: 415, message: "Chỉ nhận ảnh JPEG, PNG hoặc WebP." },
  onboarding_required: { status: 409, message: "Vui lòng chọn tổ dân phố trước." },
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
