import { z } from "zod";
import { civicRoleSchema } from "../domain/enums.js";

/** Onboarding: the resident's residential group (pending until its head confirms) and civic roles, with consent. */
export const onboardingRequestSchema = z.strictObject({
  residentialGroupId: z.uuid("Chọn tổ dân phố"),
  civicRoles: z
    .array(
      z.strictObject({
        role: civicRoleSchema.exclude(["group_head", "opinion_collaborator"]),
        schoolId: z.uuid().optional(),
      }),
    )
    .max(10)
    .default([]),
  /** The resident agreed to the plain-Vietnamese consent text (Nghị định 13/2023). */
  consent: z.literal(true, "Cần đồng ý với điều khoản sử dụng dữ liệu"),
});
export type OnboardingRequest = z.input<typeof onboardingRequestSchema>;

/** Phone number, only after explicit consent: the getPhoneNumber() token is exchanged on the server. */
export const phoneRequestSchema = z.strictObject({
  accessToken: z.string().min(1).max(2048),
  phoneToken: z.string().min(1).max(2048),
  consent: z.literal(true, "Cần đồng ý chia sẻ số điện thoại"),
});

export const preferencesRequestSchema = z.strictObject({
  notificationsAllowed: z.boolean().optional(),
  largeText: z.boolean().optional(),
});

/** "My data": everything the ward holds about the resident (Nghị định 13/2023). */
export const myDataSchema = z
  .object({
    profile: z.object({
      fullName: z.string(),
      phone: z.string().nullable(),
      residentialGroup: z.string().nullable(),
      membershipStatus: z.string().nullable(),
      civicRoles: z.array(z.object({ role: z.string(), school: z.string().nullable() })),
      isFollower: z.boolean(),
      notificationsAllowed: z.boolean(),
      consentedAt: z.string().nullable(),
      createdAt: z.string(),
    }),
    signals: z.array(
      z.object({
        kind: z.string(),
        text: z.string().nullable(),
        postTitle: z.string().nullable(),
        sentAt: z.string(),
      }),
    ),
    reactions: z.number(),
    pollAnswers: z.number(),
    messagesReceived: z.number(),
    uploads: z.number(),
  })
  .meta({ id: "MyData" });
export type MyData = z.infer<typeof myDataSchema>;

/** A question, comment, report or nomination the resident sent, with the ward's replies. */
export const myQuestionSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    text: z.string(),
    sentAt: z.string(),
    post: z.object({ id: z.string(), title: z.string() }).nullable(),
    replies: z.array(z.object({ text: z.string(), at: z.string(), by: z.string() })),
  })
  .meta({ id: "MyQuestion" });
export type MyQuestion = z.infer<typeof myQuestionSchema>;
export const myQuestionListSchema = z.object({ items: z.array(myQuestionSchema) });

export const joinGroupRequestSchema = z.strictObject({ residentialGroupId: z.uuid() });
export const phoneResponseSchema = z.object({ hasPhone: z.literal(true) });
