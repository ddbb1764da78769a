import {
  broadcastStatuses,
  schoolLevels,
  civicRoles as serverCivicRoles,
  deliveryStatuses as serverDeliveryStatuses,
  postStatuses as serverPostStatuses,
  signalKinds as serverSignalKinds,
  staffRoles,
} from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import {
  alertKindLabel,
  broadcastStatusLabels,
  civicRoleLabels,
  deliveryStatusLabels,
  describeRecurrence,
  isPostStatus,
  isSignalKind,
  postStatusLabels,
  reasonLabel,
  relayStatusLabels,
  replyChannelLabel,
  replyStatusLabel,
  schoolLevelLabels,
  signalKindLabels,
  staffRoleLabels,
} from "./staff-labels";

/** Every value the server can send has its own label, not the code shown as is. */
function expectLabelled(values: readonly string[], labels: Record<string, string>) {
  expect(Object.keys(labels).sort()).toEqual([...values].sort());
  for (const value of values) {
    expect(labels[value]?.trim()).toBeTruthy();
    expect(labels[value]).not.toBe(value);
  }
}

describe("staff labels", () => {
  it("labels every status, role, level and kind the server knows", () => {
    expectLabelled(serverPostStatuses, postStatusLabels);
    expectLabelled(broadcastStatuses, broadcastStatusLabels);
    expectLabelled(serverDeliveryStatuses, deliveryStatusLabels);
    expectLabelled(staffRoles, staffRoleLabels);
    expectLabelled(serverCivicRoles, civicRoleLabels);
    expectLabelled(schoolLevels, schoolLevelLabels);
    expectLabelled(serverSignalKinds, signalKindLabels);
    expectLabelled(["open", "shared", "confirmed", "no_head"], relayStatusLabels);
    expect(postStatusLabels.submitted).toBe("Chờ duyệt");
    expect(broadcastStatusLabels.sent).toBe("Đã gửi xong");
    expect(signalKindLabels.opinion_report).toBe("Báo cáo dư luận");
    expect(schoolLevelLabels.thcs).toBe("THCS");
  });

  it("reads values from a newer server sensibly", () => {
    expect(reasonLabel("daily_cap")).toBe("Đã đủ số tin trong ngày");
    expect(reasonLabel("zalo_-999")).toBe("zalo_-999");
    expect(replyChannelLabel("oa")).toBe("Zalo OA");
    expect(replyChannelLabel("sms")).toBe("sms");
    expect(replyStatusLabel("shown")).toBe("Đã hiển thị");
    // Zalo's receipts for an answer by OA message reach the staff inbox.
    expect(replyStatusLabel("delivered")).toBe("Đã đến máy người dân");
    expect(replyStatusLabel("seen")).toBe("Người dân đã xem");
    expect(alertKindLabel("relay_overdue")).toBe("Tổ trưởng chưa chuyển tiếp quá hạn");
    expect(alertKindLabel("channel_stopped")).toBe("Kênh gửi tin bị dừng");
    expect(reasonLabel("paid_excluded")).toBe("Không dùng kênh trả phí");
    expect(alertKindLabel("something_new")).toBe("Cảnh báo");
    // Filters read from the URL accept only real values.
    expect(isPostStatus("draft")).toBe(true);
    expect(isPostStatus("constructor")).toBe(false);
    expect(isPostStatus(null)).toBe(false);
    expect(isSignalKind("report")).toBe(true);
    expect(isSignalKind("hasOwnProperty")).toBe(false);
  });

  it("describes a recurring schedule in words, Monday first", () => {
    expect(describeRecurrence("30 7 * * *")).toBe("Hằng ngày lúc 07:30");
    expect(describeRecurrence("0 19 * * 4,1")).toBe("Thứ Hai, Thứ Năm hằng tuần lúc 19:00");
    expect(describeRecurrence("0 8 * * 0,6")).toBe("Thứ Bảy, Chủ nhật hằng tuần lúc 08:00");
    expect(describeRecurrence("garbled")).toBe("garbled");
  });
});
