import type { ResidentProfile } from "@loa-phuong/shared";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LoaPhuongApp } from "../../components/app";
import { deferred, type Reply, type Route } from "../../testing/fake-api";
import { renderApp, residentProfile, signedInResident } from "../../testing/render-app";

const groups = {
  items: [
    { id: "g-1", code: "TDP01", name: "Tổ dân phố số 1", area: "Khu Hạ Lý", members: 40 },
    { id: "g-3", code: "TDP03", name: "Tổ dân phố số 3", area: "Khu Thượng Lý", members: 52 },
    { id: "g-13", code: "TDP13", name: "Tổ dân phố số 13", area: null, members: 18 },
  ],
};
const schools = {
  items: [
    { id: "s-1", name: "Trường Tiểu học Hồng Bàng", level: "tieu_hoc", address: null },
    { id: "s-2", name: "Trường THCS Hồng Bàng", level: "thcs", address: null },
  ],
};
// In Tổ dân phố số 3, confirmed; a parent at the primary school and a party member.
const resident = residentProfile({
  civicRoles: [
    { role: "parent", schoolId: "s-1" },
    { role: "party_member", schoolId: null },
  ],
});
const draftsKey = "loa-phuong.drafts.res-1";

/** "Cá nhân" of a signed-in resident, the ward's groups and schools answered. */
async function openProfile(who: ResidentProfile = resident, routes: Record<string, Route> = {}) {
  const api = signedInResident(who, {
    "GET /api/residential-groups": { body: groups },
    "GET /api/schools": { body: schools },
    ...routes,
  });
  const app = renderApp("/profile");
  await screen.findByRole("heading", { name: who.fullName, level: 1 });
  return { api, ...app };
}

const membership = () => screen.getByRole("region", { name: "Tổ dân phố và vai trò" });
const fact = (label: string) => within(membership()).getByText(label).nextElementSibling?.textContent;
const radio = (name: string) => screen.getByRole<HTMLInputElement>("radio", { name });
const box = (name: string) => screen.getByRole<HTMLInputElement>("checkbox", { name });

describe("changing the residential group from “Cá nhân”", () => {
  it("starts from the current group, saves the new one with the same roles, and shows it", async () => {
    const answer = deferred<Reply>();
    const { api, user } = await openProfile(resident, { "POST /api/me/onboarding": () => answer.promise });
    expect(fact("Tổ dân phố")).toBe("Tổ dân phố số 3Đã xác nhận");
    await user.click(screen.getByRole("button", { name: "Đổi tổ dân phố" }));

    expect(await screen.findByRole("heading", { name: "Đổi tổ dân phố", level: 1 })).toBeTruthy();
    expect(screen.getByText("Hiện tại: Tổ dân phố số 3 (đã xác nhận).")).toBeTruthy();
    await waitFor(() => expect(radio("Tổ dân phố số 3").checked).toBe(true));
    await user.click(radio("Tổ dân phố số 1"));
    await user.click(screen.getByRole("button", { name: "Lưu tổ dân phố" }));

    await waitFor(() => expect(api.callsTo("POST /api/me/onboarding")).toHaveLength(1));
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lưu tổ dân phố" }).disabled).toBe(true);
    expect(api.callsTo("POST /api/me/onboarding")[0]?.body).toEqual({
      residentialGroupId: "g-1",
      civicRoles: [{ role: "parent", schoolId: "s-1" }, { role: "party_member" }],
      consent: true,
    });
    answer.resolve({
      body: {
        ...resident,
        residentialGroup: { id: "g-1", name: "Tổ dân phố số 1" },
        membershipStatus: "pending",
      },
    });

    expect((await screen.findByRole("status")).textContent).toBe(
      "Đã đổi tổ dân phố. Bạn thuộc Tổ dân phố số 1 — chờ tổ trưởng xác nhận.",
    );
    expect(screen.getByRole("heading", { name: resident.fullName, level: 1 })).toBeTruthy();
    expect(fact("Tổ dân phố")).toBe("Tổ dân phố số 1Chờ tổ trưởng xác nhận");
    // Saved: nothing of the change stays on the phone.
    await waitFor(() => expect(window.localStorage.getItem(draftsKey)).toBeNull());
  });

  it("returns unchanged with “Hủy” or Back, and starts again from the current group", async () => {
    const { api, user } = await openProfile();
    for (const how of ["Hủy", "Back"] as const) {
      await user.click(screen.getByRole("button", { name: "Đổi tổ dân phố" }));
      await waitFor(() => expect(radio("Tổ dân phố số 3").checked).toBe(true));
      await user.click(radio("Tổ dân phố số 13"));
      await waitFor(() => expect(window.localStorage.getItem(draftsKey)).toContain('"g-13"'));
      if (how === "Hủy") await user.click(screen.getByRole("button", { name: "Hủy" }));
      else act(() => window.history.back());
      expect(await screen.findByRole("heading", { name: resident.fullName, level: 1 })).toBeTruthy();
      expect(fact("Tổ dân phố")).toBe("Tổ dân phố số 3Đã xác nhận");
      expect(screen.queryByRole("status")).toBeNull();
      await waitFor(() => expect(window.localStorage.getItem(draftsKey)).toBeNull());
    }
    await user.click(screen.getByRole("button", { name: "Đổi tổ dân phố" }));
    await waitFor(() => expect(radio("Tổ dân phố số 3").checked).toBe(true));
    expect(radio("Tổ dân phố số 13").checked).toBe(false);
    expect(api.callsTo("POST /api/me/onboarding")).toHaveLength(0);
  });

  it("shows the server's refusal in Vietnamese next to the list, the choice kept", async () => {
    const { user } = await openProfile(resident, {
      "POST /api/me/onboarding": {
        status: 400,
        body: {
          error: "validation_failed",
          message: "Tổ dân phố không thuộc phường.",
          fields: [{ field: "body.residentialGroupId", message: "Không có tổ dân phố này" }],
        },
      },
    });
    await user.click(screen.getByRole("button", { name: "Đổi tổ dân phố" }));
    await user.click(await screen.findByRole("radio", { name: "Tổ dân phố số 13" }));
    await user.click(screen.getByRole("button", { name: "Lưu tổ dân phố" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Không có tổ dân phố này");
    expect(screen.getByRole("heading", { name: "Đổi tổ dân phố", level: 1 })).toBeTruthy();
    expect(radio("Tổ dân phố số 13").checked).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lưu tổ dân phố" }).disabled).toBe(false);
  });

  it("keeps the choice on the phone through a reload, and says it was put back", async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole("button", { name: "Đổi tổ dân phố" }));
    await user.click(await screen.findByRole("radio", { name: "Tổ dân phố số 13" }));
    await waitFor(() => expect(window.localStorage.getItem(draftsKey)).toContain('"g-13"'));
    cleanup(); // a reload: the page's history, and the change open in it, stay
    render(<LoaPhuongApp />);
    expect(await screen.findByRole("heading", { name: "Đổi tổ dân phố", level: 1 })).toBeTruthy();
    expect(await screen.findByText(/^Đã mở lại bản nháp bạn viết lúc/)).toBeTruthy();
    await waitFor(() => expect(radio("Tổ dân phố số 13").checked).toBe(true));
  });
});

describe("changing the roles from “Cá nhân”", () => {
  it("ticks the roles held now, asks no consent again, and shows the roles saved", async () => {
    const saved = residentProfile({
      civicRoles: [
        { role: "parent", schoolId: "s-1" },
        { role: "teacher", schoolId: "s-2" },
      ],
    });
    const { api, user } = await openProfile(resident, { "POST /api/me/onboarding": { body: saved } });
    await user.click(screen.getByRole("button", { name: "Đổi vai trò" }));

    expect(await screen.findByRole("heading", { name: "Đổi vai trò", level: 1 })).toBeTruthy();
    await waitFor(() => expect(box("Đảng viên").checked).toBe(true));
    expect(box("Phụ huynh học sinh").checked).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>("Trường con đang học").value).toBe("s-1");
    expect(box("Giáo viên").checked).toBe(false);
    expect(screen.queryByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ })).toBeNull();

    await user.click(box("Đảng viên"));
    await user.click(box("Giáo viên"));
    await user.selectOptions(screen.getByLabelText("Trường đang công tác"), "s-2");
    await user.click(screen.getByRole("button", { name: "Lưu vai trò" }));

    expect((await screen.findByRole("status")).textContent).toBe("Đã lưu vai trò của bạn.");
    expect(api.callsTo("POST /api/me/onboarding")[0]?.body).toEqual({
      residentialGroupId: "g-3",
      civicRoles: [
        { role: "parent", schoolId: "s-1" },
        { role: "teacher", schoolId: "s-2" },
      ],
      consent: true,
    });
    await waitFor(() =>
      expect(fact("Vai trò")).toBe(
        "Phụ huynh học sinh – Trường Tiểu học Hồng Bàng; Giáo viên – Trường THCS Hồng Bàng",
      ),
    );
    // The group did not change: still confirmed.
    expect(fact("Tổ dân phố")).toBe("Tổ dân phố số 3Đã xác nhận");
  });

  it("tells a group head that the ward moves heads, and keeps the head's role out of the form", async () => {
    const head = residentProfile({
      fullName: "Trần Văn Tâm",
      isGroupHead: true,
      civicRoles: [
        { role: "group_head", schoolId: null },
        { role: "party_member", schoolId: null },
      ],
    });
    const { api, user } = await openProfile(head, {
      "POST /api/me/onboarding": { body: { ...head, civicRoles: [{ role: "group_head", schoolId: null }] } },
    });
    expect(screen.queryByRole("button", { name: "Đổi tổ dân phố" })).toBeNull();
    expect(
      within(membership()).getByText("Tổ trưởng chuyển sang tổ khác do cán bộ phường thực hiện."),
    ).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Đổi vai trò" }));
    expect(
      await screen.findByText(/Vai trò Tổ trưởng tổ dân phố do phường giao, nên được giữ nguyên/),
    ).toBeTruthy();
    await waitFor(() => expect(box("Đảng viên").checked).toBe(true));
    await user.click(box("Đảng viên"));
    await user.click(screen.getByRole("button", { name: "Lưu vai trò" }));
    await screen.findByRole("status");
    expect(api.callsTo("POST /api/me/onboarding")[0]?.body).toEqual({
      residentialGroupId: "g-3",
      civicRoles: [],
      consent: true,
    });
    expect(fact("Vai trò")).toBe("Tổ trưởng tổ dân phố");
  });
});
