export { declaredApi, renderApiMarkdown } from "./api-doc.js";
export { type AppOptions, createApp } from "./app.js";
export { describeAccess, openApiDocument, openApiPath } from "./openapi.js";
export type { Access, RegisteredRoute, RouteRegistry, RouteSpec } from "./route.js";
