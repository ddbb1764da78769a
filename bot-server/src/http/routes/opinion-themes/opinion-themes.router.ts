import {
  opinionThemeCreateSchema,
  opinionThemeListSchema,
  opinionThemeParamsSchema,
  opinionThemeSchema,
  opinionThemeUpdateSchema,
} from "@loa-phuong/shared";
import {
  createOpinionTheme,
  listOpinionThemes,
  updateOpinionTheme,
} from "../../../services/opinion-themes.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Opinion themes";

/** Staff: the ward's opinion themes (chủ đề dư luận) and the keywords that find them in residents' words. */
export function opinionThemesRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);

  routes.add(
    {
      method: "get",
      path: "/opinion/themes",
      tag,
      summary:
        "The ward's opinion themes, active first, with their keywords and how many messages carry each",
      access: "staff",
      response: opinionThemeListSchema,
    },
    async ({ staff }) => ({ items: await listOpinionThemes(ctx.db, staff.wardId) }),
  );

  routes.add(
    {
      method: "post",
      path: "/opinion/themes",
      tag,
      summary: "Add a theme with its keywords (409 when the ward has one of that name)",
      access: ["editor", "admin"],
      body: opinionThemeCreateSchema,
      response: opinionThemeSchema,
      status: 201,
    },
    ({ staff, body }) => createOpinionTheme(ctx.db, staff, body),
  );

  routes.add(
    {
      method: "put",
      path: "/opinion/themes/:id",
      tag,
      summary: "Replace a theme's keywords, retire it or bring it back; labelled messages keep their themes",
      access: ["editor", "admin"],
      params: opinionThemeParamsSchema,
      body: opinionThemeUpdateSchema,
      response: opinionThemeSchema,
    },
    ({ staff, params, body }) => updateOpinionTheme(ctx.db, staff, params.id, body),
  );

  return routes.router;
}
