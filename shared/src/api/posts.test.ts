import { describe, expect, it } from "vitest";
import { updatePostRequestSchema } from "./posts.js";

describe("post edits", () => {
  it("leaves fields a PATCH omits alone (no defaults sneak in)", () => {
    expect(updatePostRequestSchema.parse({ title: "Mới" })).toEqual({ title: "Mới" });
  });

  it("can remove the image and change urgency, and refuses an empty edit", () => {
    expect(updatePostRequestSchema.parse({ imageUrl: null, isUrgent: true })).toEqual({
      imageUrl: null,
      isUrgent: true,
    });
    expect(updatePostRequestSchema.safeParse({}).success).toBe(false);
  });
});
