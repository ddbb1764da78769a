import {
  joinGroupRequestSchema,
  myDataSchema,
  myQuestionListSchema,
  onboardingRequestSchema,
  phoneRequestSchema,
  phoneResponseSchema,
  preferencesRequestSchema,
  residentProfileSchema,
} from "@loa-phuong/shared";
import { uploadsDirOf } from "../../../config/config.js";
import { myQuestions } from "../../../services/engagement.js";
import { completeOnboarding, joinGroup } from "../../../services/onboarding.js";
import { deleteMyData, myData } from "../../../services/privacy.js";
import { recordOaInteraction, residentProfile, setPreferences } from "../../../services/residents.js";
import { savePhoneNumber } from "../../../services/zalo-identity.js";
import type { ApiContext } from "../../api-context.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Residents";

/** The resident's own profile, onboarding, consent-gated phone number, preferences and data. */
export function meRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;
  const uploadsDir = uploadsDirOf(ctx.config);

  routes.add(
    {
      method: "post",
      path: "/me/onboarding",
      tag,
      summary: "Choose a residential group and civic roles, with consent (pending until the head confirms)",
      access: "resident",
      body: onboardingRequestSchema,
      response: residentProfileSchema,
    },
    async ({ resident, body }) => residentProfile(db, await completeOnboarding(db, resident, body)),
  );

  routes.add(
    {
      method: "post",
      path: "/me/join-group",
      tag,
      summary: "Ask to join a residential group (409 for a group head: the ward moves heads)",
      access: "resident",
      body: joinGroupRequestSchema,
      response: residentProfileSchema,
    },
    async ({ resident, body }) => residentProfile(db, await joinGroup(db, resident, body.residentialGroupId)),
  );

  routes.add(
    {
      method: "post",
      path: "/me/phone",
      tag,
      summary: "Keep the phone number, from the getPhoneNumber() token and the resident's consent",
      access: "resident",
      use: [rateLimit(ctx, limits.phone)],
      body: phoneRequestSchema,
      response: phoneResponseSchema,
    },
    async ({ resident, body }) => {
      await savePhoneNumber(db, ctx.graph, resident, body);
      return { hasPhone: true as const };
    },
  );

  routes.add(
    {
      method: "put",
      path: "/me/preferences",
      tag,
      summary: "Notifications and large text",
      access: "resident",
      body: preferencesRequestSchema,
      response: residentProfileSchema,
    },
    ({ resident, body }) => setPreferences(db, resident, body),
  );

  routes.add(
    {
      method: "post",
      path: "/me/oa-interaction",
      tag,
      summary: "The resident let the ward's OA message them (interactOA): the 7-day window opens",
      access: "resident",
      use: [rateLimit(ctx, limits.phone)],
      response: residentProfileSchema,
    },
    ({ resident }) => recordOaInteraction(db, resident),
  );

  routes.add(
    {
      method: "get",
      path: "/me/data",
      tag,
      summary: "Everything the ward holds about the resident (Nghị định 13/2023)",
      access: "resident",
      response: myDataSchema,
    },
    ({ resident }) => myData(db, resident),
  );

  routes.add(
    {
      method: "delete",
      path: "/me",
      tag,
      summary: "Delete the resident's personal data; aggregate counts are kept",
      access: "resident",
      status: 204,
    },
    async ({ resident }) => {
      await deleteMyData(db, resident, uploadsDir);
      return undefined;
    },
  );

  routes.add(
    {
      method: "get",
      path: "/me/questions",
      tag,
      summary: "The resident's questions, comments, reports and nominations with the ward's replies",
      access: "resident",
      response: myQuestionListSchema,
    },
    async ({ resident }) => ({ items: await myQuestions(db, resident) }),
  );

  return routes.router;
}
