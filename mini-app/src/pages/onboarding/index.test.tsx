import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LoaPhuongApp } from "../../components/app";
import { deferred, type Reply } from "../../testing/fake-api";
import { renderApp, residentProfile, signedInResident } from "../../testing/render-app";

const newcomer = residentProfile({
  fullName: "Phạm Văn Bình",
  residentialGroup: null,
  membershipStatus: null,
  onboarded: false,
});
const groups = {
  items: [
    { id: "g-1", code: "TDP01", name: "Tổ dân phố số 1", area: "Khu Hạ Lý", members: 40 },
    { id: "g-3", code: "TDP03", name: "Tổ dân phố số 3", area: "Khu Thượng Lý", members: 52 },
    { id: "g-13", code: "TDP13", name: "Tổ dân phố số 13", area: null, members: 18 },
  ],
};
const schools = {
  items: [{ id: "s-1", name: "Trường Tiểu học Hồng Bàng", level: "tieu_hoc", address: null }],
};

function newcomerServer(routes = {}) {
  return signedInResident(newcomer, {
    "GET /api/residential-groups": { body: groups },
    "GET /api/schools": { body: schools },
    ...routes,
  });
}

describe("onboarding", () => {
  it("finds the group typed without diacritics, and asks to choose one before going on", async () => {
    newcomerServer();
    const { user } = renderApp("/");
    await screen.findByRole("heading", { name: "Chào mừng Phạm Văn Bình đến với Loa Phường", level: 1 });
    await screen.findByRole("radio", { name: "Tổ dân phố số 3" });
    await user.type(screen.getByLabelText("Tìm tổ dân phố"), "to dan pho so 3");
    expect(screen.getAllByRole("radio").map((radio) => radio.getAttribute("aria-labelledby"))).toEqual([
      "group-name-g-3",
    ]);
    await user.click(screen.getByRole("button", { name: "Tiếp tục" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Hãy chọn tổ dân phố nơi bạn sinh sống.");
  });

  it("needs the consent tick and a school for a declared parent, then sends the onboarding", async () => {
    const answer = deferred<Reply>();
    const api = newcomerServer({ "POST /api/me/onboarding": () => answer.promise });
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("radio", { name: "Tổ dân phố số 3" }));
    await user.click(screen.getByRole("button", { name: "Tiếp tục" }));

    await user.click(await screen.findByRole("checkbox", { name: "Phụ huynh học sinh" }));
    const finish = () => screen.getByRole<HTMLButtonElement>("button", { name: "Hoàn tất đăng ký" });
    await user.click(finish());
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Hãy chọn trường học cho vai trò phụ huynh hoặc giáo viên.",
    );
    await user.selectOptions(screen.getByLabelText("Trường con đang học"), "s-1");
    await user.click(finish());
    expect((await screen.findByRole("alert")).textContent).toBe("Hãy đánh dấu đồng ý để hoàn tất đăng ký.");
    expect(api.callsTo("POST /api/me/onboarding")).toHaveLength(0);

    await user.click(screen.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }));
    await user.click(finish());
    await waitFor(() => expect(api.callsTo("POST /api/me/onboarding")).toHaveLength(1));
    expect(finish().disabled).toBe(true);
    expect(api.callsTo("POST /api/me/onboarding")[0]?.body).toEqual({
      residentialGroupId: "g-3",
      civicRoles: [{ role: "parent", schoolId: "s-1" }],
      consent: true,
    });

    answer.resolve({
      body: {
        ...newcomer,
        onboarded: true,
        residentialGroup: { id: "g-3", name: "Tổ dân phố số 3" },
        membershipStatus: "pending",
      },
    });
    expect((await screen.findByText(/Đăng ký xong!/)).textContent).toBe(
      "Đăng ký xong! Bạn thuộc Tổ dân phố số 3 — Chờ tổ trưởng xác nhận.",
    );
  });

  it("pre-selects the group of the head whose link brought the resident", async () => {
    const api = newcomerServer({
      "POST /api/relay-opens": {
        body: { counted: true, joinOffer: { residentialGroupId: "g-13", name: "Tổ dân phố số 13" } },
      },
    });
    const { user } = renderApp("/post/42?relay=r-abc");
    expect(
      await screen.findByText(
        "Bạn mở Loa Phường từ liên kết của Tổ dân phố số 13, nên tổ này đã được chọn sẵn.",
      ),
    ).toBeTruthy();
    // The notice shows at once; the choice follows when the suggestion is applied.
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("radio", { name: "Tổ dân phố số 13" }).checked).toBe(true),
    );
    expect(api.callsTo("POST /api/relay-opens")[0]?.body).toEqual({ ref: "r-abc" });
    await user.click(screen.getByRole("button", { name: "Tiếp tục" }));
    expect(await screen.findByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ })).toBeTruthy();
  });

  it("goes back to step 1 with Back, the group still chosen", async () => {
    newcomerServer();
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("radio", { name: "Tổ dân phố số 3" }));
    await user.click(screen.getByRole("button", { name: "Tiếp tục" }));
    expect(await screen.findByText("Bước 2/3")).toBeTruthy();

    // The phone's (or Zalo's) Back: the previous step, not out of the app.
    act(() => window.history.back());
    expect(await screen.findByText("Bước 1/3")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("radio", { name: "Tổ dân phố số 3" }).checked).toBe(true),
    );

    // And the header's back arrow on step 2, and the step's own "Quay lại", do the same.
    for (const which of ["header", "step"] as const) {
      await user.click(screen.getByRole("button", { name: "Tiếp tục" }));
      await screen.findByText("Bước 2/3");
      const backs = screen.getAllByRole("button", { name: "Quay lại" });
      expect(backs).toHaveLength(2);
      await user.click(which === "header" ? backs[0]! : backs[1]!);
      expect(await screen.findByText("Bước 1/3")).toBeTruthy();
    }
  });

  it("reopened, goes on at step 2 with the group and roles chosen before", async () => {
    const api = newcomerServer({
      "POST /api/me/onboarding": {
        body: { ...newcomer, onboarded: true, residentialGroup: { id: "g-3", name: "Tổ dân phố số 3" } },
      },
    });
    const first = renderApp("/");
    await first.user.click(await screen.findByRole("radio", { name: "Tổ dân phố số 3" }));
    await first.user.click(screen.getByRole("button", { name: "Tiếp tục" }));
    await first.user.click(await screen.findByRole("checkbox", { name: "Đảng viên" }));
    await waitFor(() =>
      expect(window.localStorage.getItem("loa-phuong.drafts.res-1")).toContain('"isPartyMember":true'),
    );
    cleanup(); // Zalo closes the app; it opens afresh later
    window.history.replaceState(null, "", "/");

    const again = renderApp("/");
    expect(await screen.findByText("Bước 2/3")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Đảng viên" }).checked).toBe(true),
    );
    act(() => window.history.back());
    expect(await screen.findByText("Bước 1/3")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("radio", { name: "Tổ dân phố số 3" }).checked).toBe(true),
    );

    // Registered: nothing of it stays on the phone.
    await again.user.click(screen.getByRole("button", { name: "Tiếp tục" }));
    await again.user.click(await screen.findByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }));
    await again.user.click(screen.getByRole("button", { name: "Hoàn tất đăng ký" }));
    expect(await screen.findByText(/Đăng ký xong!/)).toBeTruthy();
    expect(api.callsTo("POST /api/me/onboarding")[0]?.body).toEqual({
      residentialGroupId: "g-3",
      civicRoles: [{ role: "party_member" }],
      consent: true,
    });
    await waitFor(() => expect(window.localStorage.getItem("loa-phuong.drafts.res-1")).toBeNull());
  });

  it("reloaded at step 2, keeps the step and the choices made before it", async () => {
    newcomerServer();
    const first = renderApp("/");
    await first.user.click(await screen.findByRole("radio", { name: "Tổ dân phố số 3" }));
    await first.user.click(screen.getByRole("button", { name: "Tiếp tục" }));
    await first.user.click(await screen.findByRole("checkbox", { name: "Đảng viên" }));
    await waitFor(() =>
      expect(window.localStorage.getItem("loa-phuong.drafts.res-1")).toContain('"isPartyMember":true'),
    );
    cleanup(); // a reload: the page's history, and the step it holds, stay
    render(<LoaPhuongApp />);
    expect(await screen.findByText("Bước 2/3")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Đảng viên" }).checked).toBe(true),
    );
    act(() => window.history.back());
    expect(await screen.findByText("Bước 1/3")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("radio", { name: "Tổ dân phố số 3" }).checked).toBe(true),
    );
  });
});
