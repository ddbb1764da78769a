import {
  approvePostRequestSchema,
  createPostRequestSchema,
  idParamsSchema,
  postListQuerySchema,
  postListSchema,
  postReviewSchema,
  postSchema,
  rejectPostRequestSchema,
  updatePostRequestSchema,
} from "@loa-phuong/shared";
import { reviewPost } from "../../../services/post-versions.js";
import { approvePost, createPost, rejectPost, submitPost, updatePost } from "../../../services/posts.js";
import { getPost, listPosts } from "../../../services/posts-read.js";
import type { ApiContext } from "../../api-context.js";
import type { RouteRegistry } from "../../route.js";
import { RouteTable } from "../../route.js";

const tag = "Posts";

/** Staff: write, submit, approve or reject posts. Roles are checked again in the services. */
export function postsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;

  routes.add(
    {
      method: "post",
      path: "/posts",
      tag,
      summary: "Create a draft post",
      access: ["editor"],
      body: createPostRequestSchema,
      response: postSchema,
      status: 201,
    },
    ({ staff, body }) => createPost(db, staff, body),
  );

  routes.add(
    {
      method: "get",
      path: "/posts",
      tag,
      summary: "List the ward's posts, newest change first",
      access: "staff",
      query: postListQuerySchema,
      response: postListSchema,
    },
    async ({ staff, query }) => ({ items: await listPosts(db, staff.wardId, query) }),
  );

  routes.add(
    {
      method: "get",
      path: "/posts/:id/review",
      tag,
      summary: "The submitted version beside the last approved one, for the approver",
      access: "staff",
      params: idParamsSchema,
      response: postReviewSchema,
    },
    ({ staff, params }) => reviewPost(db, staff.wardId, params.id),
  );

  routes.add(
    {
      method: "get",
      path: "/posts/:id",
      tag,
      summary: "One post",
      access: "staff",
      params: idParamsSchema,
      response: postSchema,
    },
    ({ staff, params }) => getPost(db, staff.wardId, params.id),
  );

  routes.add(
    {
      method: "patch",
      path: "/posts/:id",
      tag,
      summary: "Edit a post (approved content goes back to review)",
      access: ["editor"],
      params: idParamsSchema,
      body: updatePostRequestSchema,
      response: postSchema,
    },
    ({ staff, params, body }) => updatePost(db, staff, params.id, body),
  );

  routes.add(
    {
      method: "post",
      path: "/posts/:id/submit",
      tag,
      summary: "Submit a draft for approval",
      access: ["editor"],
      params: idParamsSchema,
      response: postSchema,
    },
    ({ staff, params }) => submitPost(db, staff, params.id),
  );

  routes.add(
    {
      method: "post",
      path: "/posts/:id/approve",
      tag,
      summary: "Approve the version the approver reviewed (409 if it changed since)",
      access: ["approver"],
      params: idParamsSchema,
      body: approvePostRequestSchema,
      response: postSchema,
    },
    ({ staff, params, body }) => approvePost(db, staff, params.id, body.version),
  );

  routes.add(
    {
      method: "post",
      path: "/posts/:id/reject",
      tag,
      summary: "Reject a submitted post with a reason",
      access: ["approver"],
      params: idParamsSchema,
      body: rejectPostRequestSchema,
      response: postSchema,
    },
    ({ staff, params, body }) => rejectPost(db, staff, params.id, body.reason),
  );

  return routes.router;
}
