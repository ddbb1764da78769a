import {
  appointCollaboratorSchema,
  collaboratorCandidateListSchema,
  collaboratorCandidatesQuerySchema,
  collaboratorListSchema,
  collaboratorSchema,
  idParamsSchema,
} from "@loa-phuong/shared";
import {
  appointCollaborator,
  collaboratorCandidates,
  dismissCollaborator,
  listCollaborators,
} from "../../../services/collaborators.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Opinion";

/** Staff: the ward's public-opinion collaborators (cộng tác viên dư luận xã hội), appointed and dismissed. */
export function collaboratorsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;

  routes.add(
    {
      method: "get",
      path: "/opinion/collaborators",
      tag,
      summary: "The ward's public-opinion collaborators, with their latest report and reports in 30 days",
      access: "staff",
      response: collaboratorListSchema,
    },
    async ({ staff }) => ({ items: await listCollaborators(db, staff.wardId) }),
  );

  routes.add(
    {
      method: "get",
      path: "/opinion/collaborator-candidates",
      tag,
      summary: "The confirmed members of one residential group, to appoint from",
      access: "staff",
      query: collaboratorCandidatesQuerySchema,
      response: collaboratorCandidateListSchema,
    },
    async ({ staff, query }) => ({ items: await collaboratorCandidates(db, staff.wardId, query.groupId) }),
  );

  routes.add(
    {
      method: "post",
      path: "/opinion/collaborators",
      tag,
      summary: "Appoint a resident as a public-opinion collaborator (audited)",
      access: ["editor", "approver"],
      body: appointCollaboratorSchema,
      response: collaboratorSchema,
      status: 201,
    },
    ({ staff, body }) => appointCollaborator(db, staff, body.residentId),
  );

  routes.add(
    {
      method: "delete",
      path: "/opinion/collaborators/:id",
      tag,
      summary: "End a collaborator's appointment; their reports stay (audited)",
      access: ["editor", "approver"],
      params: idParamsSchema,
      status: 204,
    },
    async ({ staff, params }) => {
      await dismissCollaborator(db, staff, params.id);
      return undefined;
    },
  );

  return routes.router;
}
