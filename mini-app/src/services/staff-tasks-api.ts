import type { CampaignTask, TaskBoard, UnitKind } from "@loa-phuong/shared";
import { request } from "./api";

export type { CampaignTask, TaskBoard, UnitKind };

/** Campaigns' units and tasks, for staff: the board, setting up units and tasks, urging. */
type Token = string | null;

export function fetchCampaigns(
  token: Token,
  signal?: AbortSignal,
): Promise<{ items: { id: string; title: string; startsOn: string; endsOn: string }[] }> {
  return request("/api/campaigns", { token, signal });
}

export function fetchTaskBoard(token: Token, campaignId: string, signal?: AbortSignal): Promise<TaskBoard> {
  return request(`/api/campaigns/${encodeURIComponent(campaignId)}/tasks`, { token, signal });
}

export function createUnit(
  token: Token,
  campaignId: string,
  body: { name: string; kind: UnitKind },
): Promise<{ id: string }> {
  return request(`/api/campaigns/${encodeURIComponent(campaignId)}/units`, { token, method: "POST", body });
}

export function addUnitMember(token: Token, unitId: string, residentId: string): Promise<void> {
  return request(`/api/units/${encodeURIComponent(unitId)}/members`, {
    token,
    method: "POST",
    body: { residentId },
  });
}

export function createTask(
  token: Token,
  body: { unitId: string; title: string; due: string },
): Promise<CampaignTask> {
  return request("/api/tasks", { token, method: "POST", body });
}

export function urgeTask(token: Token, taskId: string): Promise<CampaignTask> {
  return request(`/api/tasks/${encodeURIComponent(taskId)}/urge`, { token, method: "POST" });
}
