import { deliveryChannels, noPushReasons } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import {
  byChannelOrder,
  channelLabel,
  channelLabels,
  formatCount,
  formatVnd,
  noPushReasonLabel,
  noPushReasonLabels,
} from "./channel-labels";

describe("channel labels", () => {
  it("names every channel and every reason the server knows, in Vietnamese", () => {
    expect(Object.keys(channelLabels).sort()).toEqual([...deliveryChannels].sort());
    expect(Object.keys(noPushReasonLabels).sort()).toEqual([...noPushReasons].sort());
    for (const label of [...Object.values(channelLabels), ...Object.values(noPushReasonLabels)])
      expect(label.trim()).not.toBe("");
    expect(channelLabels.zbs_phone).toBe("Tin ZBS theo số điện thoại");
    expect(noPushReasonLabels.outside_interaction_window).toBe("quá 7 ngày không tương tác với OA");
  });

  it("shows a newer server's codes as they are, and sorts channels the same way everywhere", () => {
    expect(channelLabel("sms")).toBe("sms");
    expect(noPushReasonLabel("blocked")).toBe("blocked");
    const rows = [{ channel: "feed" }, { channel: "sms" }, { channel: "oa" }, { channel: "zbs_phone" }];
    expect(byChannelOrder(rows).map((row) => row.channel)).toEqual(["oa", "zbs_phone", "feed", "sms"]);
  });

  it("writes counts and money the Vietnamese way", () => {
    expect(formatCount(12345)).toBe("12.345");
    expect(formatVnd(12345)).toBe("12.345 đ");
    expect(formatVnd(0)).toBe("0 đ");
    expect(formatVnd(1234.6)).toBe("1.235 đ");
  });
});
