import type { FeedItem, ResidentProfile, StaffProfile } from "@loa-phuong/shared";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LoaPhuongApp } from "../components/app";
import { saveSession } from "../services/saved-session";
import { fakeApi, type Route } from "./fake-api";

/** The whole Mini App, providers and routes as in production, opened at `path` in demo mode. */
export function renderApp(path: string) {
  window.history.replaceState(null, "", path);
  const user = userEvent.setup();
  return { user, ...render(<LoaPhuongApp />) };
}

export function residentProfile(overrides: Partial<ResidentProfile> = {}): ResidentProfile {
  return {
    id: "res-1",
    fullName: "Nguyễn Thị Hoa",
    residentialGroup: { id: "g-3", name: "Tổ dân phố số 3" },
    membershipStatus: "confirmed",
    civicRoles: [],
    isFollower: true,
    isGroupHead: false,
    isOpinionCollaborator: false,
    reportsForUnit: false,
    onboarded: true,
    hasPhone: false,
    notificationsAllowed: false,
    oaMessagingUntil: null,
    largeText: false,
    ...overrides,
  };
}

export function feedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: "p-1",
    kind: "announcement",
    title: "Lịch tiêm chủng tháng 6",
    summary: null,
    body: "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.",
    imageUrl: null,
    campaign: null,
    publishedAt: "2026-06-01T01:00:00.000Z",
    isRead: false,
    ...overrides,
  };
}

/**
 * A resident who picked a persona earlier in this tab (the demo keeps the session in sessionStorage),
 * and the ward server's answers for signing them back in; `routes` adds or replaces answers.
 */
export function signedInResident(
  resident: ResidentProfile = residentProfile(),
  routes: Record<string, Route> = {},
) {
  saveSession({
    token: "session-token",
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    persona: { idByApp: "app-1", idByOa: "oa-1", name: resident.fullName, residentialGroupName: null },
  });
  return fakeApi({
    "GET /api/me": { body: resident },
    "GET /api/feed": { body: { items: [] } },
    ...routes,
  });
}

export function staffProfile(overrides: Partial<StaffProfile> = {}): StaffProfile {
  return {
    id: "staff-1",
    username: "bientap",
    displayName: "Cán bộ biên tập – Phòng VH-XH",
    roles: ["editor"],
    ...overrides,
  };
}

/** A staff member whose cookie is still valid: GET /api/staff/me answers with them. */
export function signedInStaff(staff: StaffProfile = staffProfile(), routes: Record<string, Route> = {}) {
  return fakeApi({ "GET /api/staff/me": { body: staff }, ...routes });
}
