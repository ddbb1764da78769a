import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { declaredApi, renderApiMarkdown } from "./api-doc.js";
import { openApiDocument, openApiPath } from "./openapi.js";

describe("the API contract", () => {
  const registry = declaredApi();

  it("lists every declared route in the OpenAPI document, with its schemas", () => {
    const document = openApiDocument(registry, "test");
    const operations = Object.entries(document.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${p}`),
    );
    expect(new Set(operations)).toEqual(
      new Set(registry.routes.map((r) => `${r.method.toUpperCase()} ${openApiPath(r)}`)),
    );
    expect(registry.routes.length).toBeGreaterThan(60);
    const createPost = document.paths?.["/api/posts"]?.post;
    expect(createPost?.requestBody).toBeDefined();
    expect(Object.keys(createPost?.responses ?? {})).toEqual(["201", "4XX", "5XX"]);
    expect(document.components?.schemas?.ErrorResponse).toBeDefined();
  });

  it("is what docs/API.md says (regenerate it with `npm run docs:api`)", () => {
    const file = path.resolve(import.meta.dirname, "../../../docs/API.md");
    expect(readFileSync(file, "utf8")).toBe(renderApiMarkdown(registry));
  });
});
