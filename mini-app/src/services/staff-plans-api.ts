import type { PlanExtraction, UnitKind } from "@loa-phuong/shared";
import { request } from "./api";

export type { PlanExtraction };

/** Plan import: the file read on the server, then the campaign staff confirm from it. */
export function extractPlan(token: string | null, file: File): Promise<PlanExtraction> {
  return request(`/api/plans/extract?fileName=${encodeURIComponent(file.name)}`, {
    token,
    method: "POST",
    body: file,
  });
}

export interface CampaignDraft {
  title: string;
  directives: { number: string; date: string; issuer: string }[];
  themes: string[];
  startsOn: string;
  endsOn: string;
  units: { name: string; kind: UnitKind; tasks: { title: string; due?: string }[] }[];
}

export function createCampaign(token: string | null, body: CampaignDraft): Promise<{ id: string }> {
  return request("/api/campaigns", { token, method: "POST", body });
}
