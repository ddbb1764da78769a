import type { Directive, PostKind, SchoolLevel, StaffRole } from "@loa-phuong/shared";

/**
 * Demo data for phường Hồng Bàng, from the ward's plan implementing Thông báo 144-TB/TU
 * (shared/reference/ke-hoach-tuyen-truyen-144.md). People are labelled by role, never given invented names.
 */
export const demoWard = { id: "hong-bang", name: "Phường Hồng Bàng", city: "Thành phố Hải Phòng" };

export const DEMO_PASSWORD = "loaphuong-demo";

export const demoStaff: { username: string; displayName: string; roles: StaffRole[] }[] = [
  { username: "bientap", displayName: "Cán bộ biên tập – Phòng VH-XH", roles: ["editor"] },
  { username: "bientap2", displayName: "Cán bộ biên tập 2 – Phòng VH-XH", roles: ["editor"] },
  { username: "lanhdao", displayName: "Lãnh đạo UBND phường", roles: ["approver"] },
  { username: "quantri", displayName: "Quản trị hệ thống", roles: ["admin", "editor"] },
  // Writes and approves: but never their own post (the two-person rule shows itself with this account).
  {
    username: "bientapduyet",
    displayName: "Phó Chủ tịch UBND phường (biên tập, duyệt)",
    roles: ["editor", "approver"],
  },
];

export const demoGroupCount = 20;

export const demoSchools: { name: string; level: SchoolLevel; address: string }[] = [
  { name: "Trường Mầm non Hồng Bàng", level: "mam_non", address: "Tổ dân phố số 2, phường Hồng Bàng" },
  { name: "Trường Mầm non Hoa Phượng", level: "mam_non", address: "Tổ dân phố số 7, phường Hồng Bàng" },
  { name: "Trường Mầm non Sao Mai", level: "mam_non", address: "Tổ dân phố số 15, phường Hồng Bàng" },
  { name: "Trường Tiểu học Hồng Bàng", level: "tieu_hoc", address: "Tổ dân phố số 4, phường Hồng Bàng" },
  { name: "Trường Tiểu học Thượng Lý", level: "tieu_hoc", address: "Tổ dân phố số 11, phường Hồng Bàng" },
  { name: "Trường Tiểu học Sở Dầu", level: "tieu_hoc", address: "Tổ dân phố số 18, phường Hồng Bàng" },
  { name: "Trường THCS Hồng Bàng", level: "thcs", address: "Tổ dân phố số 5, phường Hồng Bàng" },
  { name: "Trường THCS Thượng Lý", level: "thcs", address: "Tổ dân phố số 12, phường Hồng Bàng" },
];

export const demoCampaign: {
  title: string;
  summary: string;
  directives: Directive[];
  themes: string[];
  startsOn: string;
  endsOn: string;
} = {
  title: "Tuyên truyền triển khai Thông báo 144-TB/TU và Kế hoạch 354/KH-UBND về giáo dục và đào tạo",
  summary:
    "Kế hoạch của UBND phường tuyên truyền ý kiến của Thường trực Thành ủy tại Hội nghị gặp gỡ, " +
    "đối thoại với ngành giáo dục và đào tạo thành phố; lan tỏa mô hình, điển hình; " +
    "theo dõi, định hướng dư luận xã hội.",
  directives: [
    {
      number: "144-TB/TU",
      date: "2025-11-29",
      issuer: "Ban Thường vụ Thành ủy",
      title:
        "Ý kiến của Thường trực Thành ủy tại Hội nghị gặp gỡ, đối thoại với ngành giáo dục và đào tạo thành phố",
    },
    {
      number: "354/KH-UBND",
      date: "2025-12-30",
      issuer: "UBND thành phố",
      title: "Triển khai thực hiện ý kiến chỉ đạo của Thường trực Thành ủy",
    },
    {
      number: "30-KH/BTGDVTU",
      date: "2026-02-10",
      issuer: "Ban Tuyên giáo và Dân vận Thành ủy",
      title: "Tuyên truyền, theo dõi, đôn đốc và báo cáo kết quả thực hiện Thông báo 144-TB/TU",
    },
    {
      number: "65-KH/ĐU",
      date: "2026-02-23",
      issuer: "Đảng ủy phường",
      title: "Tuyên truyền thực hiện Thông báo 144-TB/TU",
    },
  ],
  themes: [
    "Nâng cao chất lượng giáo dục toàn diện",
    "Chuyển đổi số trong quản lý, giảng dạy",
    "Xã hội hóa giáo dục",
    "Môi trường giáo dục an toàn, lành mạnh",
    "Chăm lo, động viên đội ngũ nhà giáo",
    "Phân cấp, phân quyền gắn với trách nhiệm",
    "Mô hình, điển hình tiên tiến",
    "Định hướng dư luận xã hội",
  ],
  startsOn: "2026-03-01",
  endsOn: "2026-12-31",
};

export interface DemoPost {
  kind: PostKind;
  title: string;
  summary: string;
  body: string;
  /** Whom the demo broadcasts it to at start-up: whole ward, or the first N residential groups. */
  audience: "ward" | { firstGroups: number };
  /** Urgent posts bypass quiet hours and the daily cap (a rebuttal of a false claim cannot wait). */
  isUrgent?: boolean;
  /** A poll's question and options (kind "poll"). */
  poll?: { question: string; multiple: boolean; options: { id: string; label: string }[] };
}

export const demoPosts: DemoPost[] = [
  {
    kind: "announcement",
    title: "Phường triển khai kế hoạch tuyên truyền về phát triển giáo dục và đào tạo",
    summary:
      "UBND phường ban hành kế hoạch tuyên truyền Thông báo 144-TB/TU và Kế hoạch 354/KH-UBND; " +
      "mời bà con và phụ huynh cùng theo dõi, góp ý.",
    body: [
      "Thực hiện Thông báo số 144-TB/TU ngày 29/11/2025 của Ban Thường vụ Thành ủy và Kế hoạch số " +
        "354/KH-UBND ngày 30/12/2025 của UBND thành phố, UBND phường Hồng Bàng ban hành kế hoạch tuyên " +
        "truyền đến cán bộ, đảng viên, phụ huynh và Nhân dân trên địa bàn.",
      "Trọng tâm: nâng cao chất lượng giáo dục toàn diện tại các trường trên địa bàn; " +
        "đẩy mạnh chuyển đổi số trong quản lý, giảng dạy; tăng cường xã hội hóa giáo dục; " +
        "xây dựng môi trường giáo dục an toàn, lành mạnh; chăm lo, động viên đội ngũ nhà giáo.",
      "Các tổ dân phố sẽ chuyển tiếp thông tin vào nhóm Zalo của tổ. " +
        "Mọi ý kiến, câu hỏi của bà con xin gửi qua ứng dụng Loa Phường hoặc nhắn tin cho Zalo OA của " +
        "phường.",
    ].join("\n\n"),
    audience: "ward",
  },
  {
    kind: "news",
    title: "Các trường trên địa bàn đẩy mạnh chuyển đổi số trong quản lý và giảng dạy",
    summary:
      "Sổ liên lạc điện tử, học liệu số và họp phụ huynh trực tuyến giúp gia đình nắm tình hình học tập " +
      "của con kịp thời hơn.",
    body: [
      "Từ đầu học kỳ II, các trường tiểu học và THCS trên địa bàn phường đã dùng sổ liên lạc điện tử, " +
        "kho học liệu số và lịch họp phụ huynh trực tuyến.",
      "Phụ huynh chưa quen sử dụng có thể liên hệ giáo viên chủ nhiệm hoặc tổ trưởng tổ dân phố để được " +
        "hướng dẫn. Phường phối hợp với Đoàn Thanh niên hỗ trợ cài đặt vào các buổi tối thứ Năm tại nhà " +
        "văn hóa các tổ.",
    ].join("\n\n"),
    audience: "ward",
  },
  {
    kind: "exemplary_story",
    title: "“Trường học hạnh phúc” – nơi mỗi ngày đến lớp là một ngày vui",
    summary:
      "Góc đọc sách, giờ sinh hoạt lớp do học sinh tự điều hành và những buổi trò chuyện cùng cha mẹ làm " +
      "nên một ngôi trường hạnh phúc.",
    body: [
      "Hưởng ứng mô hình “Trường học hạnh phúc”, Trường Tiểu học Hồng Bàng dành mỗi sáng thứ Hai cho giờ " +
        "sinh hoạt do chính học sinh điều hành, mở góc đọc sách ở hành lang và mời phụ huynh tham gia " +
        "các buổi trò chuyện cuối tháng.",
      "Ban đại diện cha mẹ học sinh ghi nhận các em mạnh dạn, tự tin hơn; " +
        "thầy cô có thêm thời gian lắng nghe từng em. " +
        "Bà con biết tập thể, cá nhân tiêu biểu trong giáo dục có thể giới thiệu qua mục “Đề cử điển " +
        "hình” trong ứng dụng.",
    ].join("\n\n"),
    audience: "ward",
  },
  {
    kind: "clarification",
    title: "Đính chính: không có khoản thu bắt buộc mới đầu học kỳ II",
    summary:
      "Thông tin lan truyền về một khoản thu bắt buộc mới tại các trường trên địa bàn là không đúng sự thật.",
    body: [
      "Thời gian qua, trên một số nhóm mạng xã hội xuất hiện thông tin các trường trên địa bàn phường " +
        "thu thêm một khoản bắt buộc đầu học kỳ II. " +
        "UBND phường khẳng định đây là thông tin không đúng sự thật.",
      "Các khoản thu, chi trong nhà trường thực hiện đúng quy định và được công khai tại bảng tin của " +
        "trường. Bà con khi nhận được thông tin chưa rõ nguồn gốc xin liên hệ tổ trưởng tổ dân phố hoặc " +
        "gửi câu hỏi qua ứng dụng Loa Phường để được giải đáp.",
    ].join("\n\n"),
    audience: { firstGroups: 10 },
    isUrgent: true,
  },
  {
    kind: "poll",
    title: "Lấy ý kiến: giờ họp phụ huynh học kỳ II",
    summary: "Các trường muốn biết giờ nào phụ huynh dự họp được đông nhất.",
    body:
      "Học kỳ II, các trường mầm non, tiểu học và THCS trên địa bàn tổ chức họp phụ huynh. Mời phụ huynh chọn " +
      "khung giờ thuận tiện; kết quả được gửi về các trường.",
    audience: { firstGroups: 3 },
    poll: {
      question: "Khung giờ nào anh/chị dự họp phụ huynh được?",
      multiple: false,
      options: [
        { id: "sang-t7", label: "Sáng thứ Bảy (8h00)" },
        { id: "toi-t5", label: "Tối thứ Năm (19h30)" },
        { id: "chieu-cn", label: "Chiều Chủ nhật (15h00)" },
      ],
    },
  },
  {
    kind: "news",
    title: "Tổ dân phố số 1: họp bàn chăm lo điểm vui chơi an toàn cho trẻ",
    summary:
      "Tổ dân phố số 1 họp vào 19h30 tối thứ Sáu tại nhà văn hóa tổ để bàn việc sửa sân chơi và lắp thêm " +
      "đèn chiếu sáng.",
    body: "Mời các hộ gia đình trong tổ dự họp đúng giờ. Ý kiến đóng góp có thể gửi trước qua ứng dụng Loa Phường.",
    audience: { firstGroups: 1 },
  },
];
