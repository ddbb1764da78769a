// Claims and messages invented for the tests (none is from the development set): four rumours of the
// kind the desk answers, each with its clarification.
import type { Claim } from "./claim-index.js";

export const TEST_CLAIMS: Claim[] = [
  {
    id: "K1",
    claim:
      "Từ tháng 7 sổ hộ khẩu giấy bị thu hồi, ai chưa nộp lại cho công an phường sẽ bị phạt 2 triệu đồng.",
    clarification:
      "Thông tin này không đúng. Sổ hộ khẩu giấy không còn giá trị từ 01/01/2023 nhưng người dân không phải " +
      "nộp lại và không bị phạt.",
    topic: "cư trú",
  },
  {
    id: "K2",
    claim: "Từ tháng sau phường thu phí vệ sinh 100.000 đồng/hộ/tháng qua tài khoản cá nhân của tổ trưởng.",
    clarification:
      "Thông tin này không đúng. Phường không thu phí vệ sinh qua tài khoản cá nhân; mọi khoản thu đều có " +
      "biên lai và được thông báo công khai.",
    topic: "vệ sinh môi trường",
  },
  {
    id: "K3",
    claim: "Trường bắt buộc học sinh mua đồng phục mới giá 1,2 triệu đồng tại cửa hàng do trường chỉ định.",
    clarification:
      "Thông tin này không đúng. Học sinh được mặc đồng phục cũ; nhà trường không chỉ định nơi mua.",
    topic: "đồng phục",
  },
  {
    id: "K4",
    claim: "Người về hưu phải cài ứng dụng VssID trước 30/6, nếu không sẽ bị dừng trả lương hưu.",
    clarification:
      "Thông tin này không đúng. Lương hưu vẫn được chi trả bình thường dù không cài VssID; ứng dụng chỉ để " +
      "tra cứu cho tiện.",
    topic: "bảo hiểm xã hội",
  },
];
