/** A short plan written for the tests, in the conventions of the ward's real ones (as Markdown). */
export const SAMPLE_PLAN = `|
**ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG**
ĐẢNG ỦY PHƯỜNG HỒNG BÀNG
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
Số: 21 - KH/ĐU
|
*Hồng Bàng, ngày 09
tháng 3 năm 2026*
|

**KẾ HOẠCH**

TUYÊN TRUYỀN NGÀY SÁCH VÀ VĂN HÓA ĐỌC

Căn cứ Chỉ thị số số 46 - CT/TW ngày 16 tháng 5 năm 2025 của Bộ Chính trị.

**I. NỘI DUNG VÀ HÌNH THỨC**

Tuyên truyền trên hệ thống loa truyền thanh và trang Zalo của phường.

Thời gian thực hiện: từ ngày 01/4/2026 đến hết tháng 6/2026.

**II. TỔ CHỨC THỰC HIỆN**

**1. Đề nghị Phòng Văn hóa - Xã hội: **Xây dựng tin bài; gửi báo cáo kết quả về Đảng ủy phường trước ngày 15/6/2026.

**2. Các trường THCS trên địa bàn phường**

Hoàn thành trong tháng 5/2026.
`;
