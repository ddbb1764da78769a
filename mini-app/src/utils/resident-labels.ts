/** How residents read their roles and their membership. */
export const civicRoleLabels: Record<string, string> = {
  parent: "Phụ huynh học sinh",
  teacher: "Giáo viên",
  party_member: "Đảng viên",
  group_head: "Tổ trưởng tổ dân phố",
  opinion_collaborator: "Cộng tác viên dư luận xã hội",
};

export function civicRoleLabel(role: string): string {
  return civicRoleLabels[role] ?? role;
}

export function membershipLabel(status: string | null): string {
  if (status === "pending") return "Chờ tổ trưởng xác nhận";
  if (status === "confirmed") return "Đã xác nhận";
  return "Chưa tham gia tổ";
}
