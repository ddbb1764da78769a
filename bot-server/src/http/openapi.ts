import { errorResponseSchema } from "@loa-phuong/shared";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { Access, RegisteredRoute, RouteRegistry } from "./route.js";

/** Who may call, in the words of the API document. */
export function describeAccess(access: Access): string {
  if (access === "public") return "anyone";
  if (access === "signed") return "Zalo (signed body)";
  if (access === "signedIn") return "residents and staff";
  if (access === "resident") return "residents";
  if (access === "head") return "group heads";
  if (access === "reporter") return "group heads and public-opinion collaborators";
  if (access === "staff") return "staff";
  return `staff: ${access.join(", ")}`;
}

/** `/posts/:id` as OpenAPI writes it: `/posts/{id}`. */
export const openApiPath = (route: Pick<RegisteredRoute, "mount" | "path">) =>
  route.mount + route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

const errors = {
  description: "An error: `{ error, message, fields? }`, the message in Vietnamese",
  content: { "application/json": { schema: errorResponseSchema.meta({ id: "ErrorResponse" }) } },
};

function operation(route: RegisteredRoute): ZodOpenApiOperationObject {
  const status = String(route.status ?? 200);
  const answer = route.response
    ? { description: "OK", content: { "application/json": { schema: route.response } } }
    : route.produces
      ? { description: "OK", content: { [route.produces]: {} } }
      : { description: "No content" };
  const op: ZodOpenApiOperationObject = {
    tags: [route.tag],
    summary: route.summary,
    description: `Who may call: ${describeAccess(route.access)}.`,
    responses: { [status]: answer, "4XX": errors, "5XX": errors },
  };
  if (route.params || route.query) {
    op.requestParams = {
      ...(route.params ? { path: route.params as never } : {}),
      ...(route.query ? { query: route.query as never } : {}),
    };
  }
  if (route.body) op.requestBody = { content: { "application/json": { schema: route.body } } };
  else if (route.consumes)
    op.requestBody = {
      content: Object.fromEntries(
        route.consumes.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
      ),
    };
  if (route.access !== "public" && route.access !== "signed") op.security = [{ bearer: [] }, { cookie: [] }];
  return op;
}

/** The OpenAPI 3.1 document of every declared route, from the zod schemas in shared/. */
export function openApiDocument(registry: RouteRegistry, version: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of registry.routes) {
    const path = openApiPath(route);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Loa Phường API",
      version,
      description:
        "The ward's outreach server. JSON under /api; residents sign in with Zalo (bearer token), " +
        "staff by password (httpOnly cookie, or the bearer token). Generated from the route declarations.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        cookie: { type: "apiKey", in: "cookie", name: "loa_session" },
      },
    },
    paths,
  });
}
