import { residentialGroupListSchema, schoolListSchema } from "@loa-phuong/shared";
import { listResidentialGroups, listSchools } from "../../../services/ward.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Ward";

/** The ward's residential groups and schools: public within the ward (residents pick theirs at onboarding). */
export function residentialGroupsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const wardId = ctx.config.WARD_ID;

  routes.add(
    {
      method: "get",
      path: "/residential-groups",
      tag,
      summary: "The ward's residential groups (tổ dân phố) with their confirmed members",
      access: "signedIn",
      response: residentialGroupListSchema,
    },
    async () => ({ items: await listResidentialGroups(ctx.db, wardId) }),
  );

  routes.add(
    {
      method: "get",
      path: "/schools",
      tag,
      summary: "The ward's schools",
      access: "signedIn",
      response: schoolListSchema,
    },
    async () => ({ items: await listSchools(ctx.db, wardId) }),
  );

  return routes.router;
}
