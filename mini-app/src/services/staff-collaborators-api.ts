import type { Collaborator, CollaboratorCandidate } from "@loa-phuong/shared";
import { request } from "./api";

export type { Collaborator, CollaboratorCandidate };

/** The ward's public-opinion collaborators (cộng tác viên dư luận xã hội): who they are, appointed by staff. */
type Token = string | null;

export function fetchCollaborators(token: Token, signal?: AbortSignal): Promise<{ items: Collaborator[] }> {
  return request("/api/opinion/collaborators", { token, signal });
}

export function fetchCollaboratorCandidates(
  token: Token,
  groupId: string,
  signal?: AbortSignal,
): Promise<{ items: CollaboratorCandidate[] }> {
  return request(`/api/opinion/collaborator-candidates?groupId=${encodeURIComponent(groupId)}`, {
    token,
    signal,
  });
}

export function appointCollaborator(token: Token, residentId: string): Promise<Collaborator> {
  return request("/api/opinion/collaborators", { token, method: "POST", body: { residentId } });
}

export function dismissCollaborator(token: Token, residentId: string): Promise<void> {
  return request(`/api/opinion/collaborators/${encodeURIComponent(residentId)}`, { token, method: "DELETE" });
}
