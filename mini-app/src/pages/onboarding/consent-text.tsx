/** The data-use consent, in plain Vietnamese (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). */
export function ConsentText({ id }: { id: string }) {
  return (
    <div id={id} className="consent-text">
      <h3 className="consent-title">Phường lưu gì và để làm gì</h3>
      <ul>
        <li>
          <strong>Phường lưu:</strong> tên Zalo của bạn, tổ dân phố, các vai trò bạn chọn ở trên (phụ huynh,
          giáo viên, đảng viên và trường học), và những gì bạn gửi trong Loa Phường (câu hỏi, góp ý, phản ánh
          kèm ảnh, bình chọn).
        </li>
        <li>
          <strong>Để làm gì:</strong> gửi đúng thông báo đến đúng người và trả lời ý kiến của bạn. Phường
          không dùng vào việc khác và không chuyển cho tổ chức, cá nhân bên ngoài.
        </li>
        <li>
          <strong>Ai xem được:</strong> cán bộ phường phụ trách và tổ trưởng tổ dân phố của bạn (chỉ tên và
          tổ).
        </li>
        <li>
          <strong>Số điện thoại</strong> chỉ được lưu khi bạn đồng ý riêng ở bước sau.
        </li>
        <li>
          <strong>Quyền của bạn:</strong> xem toàn bộ dữ liệu và xóa bất cứ lúc nào trong mục “Dữ liệu của
          tôi” (trang Cá nhân), theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.
        </li>
      </ul>
    </div>
  );
}
