import { z } from "zod";
import { civicRoleSchema, membershipStatusSchema, staffRoleSchema } from "../domain/enums.js";
import { feedResponseSchema } from "./feed.js";

/** The Mini App sends the token from zmp-sdk getAccessToken(); the server verifies it with Zalo. */
export const zaloLoginRequestSchema = z.strictObject({
  accessToken: z.string().min(1, "Thiếu mã truy cập Zalo").max(2048),
});
export type ZaloLoginRequest = z.infer<typeof zaloLoginRequestSchema>;

/**
 * A resident's sign-in. `feed` asks for the first page of their feed in the same answer: the Mini
 * App's first screen then costs one round trip on a slow link instead of two.
 */
export const residentSignInRequestSchema = zaloLoginRequestSchema.extend({
  feed: z.strictObject({ limit: z.number().int().min(1).max(50).default(20) }).optional(),
});
export type ResidentSignInRequest = z.input<typeof residentSignInRequestSchema>;

export const staffLoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, "Thiếu tên đăng nhập").max(100),
  password: z.string().min(1, "Thiếu mật khẩu").max(200),
});
export type StaffLoginRequest = z.infer<typeof staffLoginRequestSchema>;

export const residentProfileSchema = z
  .object({
    id: z.string(),
    fullName: z.string(),
    residentialGroup: z.object({ id: z.string(), name: z.string() }).nullable(),
    membershipStatus: membershipStatusSchema.nullable(),
    civicRoles: z.array(z.object({ role: civicRoleSchema, schoolId: z.string().nullable() })),
    isFollower: z.boolean(),
    /** Tổ trưởng of their (confirmed) residential group. */
    isGroupHead: z.boolean(),
    /** Appointed by the ward to report what people say (cộng tác viên dư luận xã hội). */
    isOpinionCollaborator: z.boolean(),
    /** Reports for a unit responsible for campaign tasks (a school, an office, a mass organisation). */
    reportsForUnit: z.boolean(),
    /** Has given the data-use consent (finished onboarding). */
    onboarded: z.boolean(),
    hasPhone: z.boolean(),
    notificationsAllowed: z.boolean(),
    /**
     * Until when the ward's OA may send this resident customer-service messages (7 days after their
     * last interaction, if they follow the OA); null = it may not, and the app offers interactOA.
     */
    oaMessagingUntil: z.string().nullable(),
    largeText: z.boolean(),
  })
  .meta({ id: "ResidentProfile" });
export type ResidentProfile = z.infer<typeof residentProfileSchema>;

export const staffProfileSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(staffRoleSchema),
  })
  .meta({ id: "StaffProfile" });
export type StaffProfile = z.infer<typeof staffProfileSchema>;

export const residentSessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  resident: residentProfileSchema,
  /** Only when the sign-in asked for it: the first page of the feed, as GET /api/feed answers it. */
  feed: feedResponseSchema.optional(),
});
export type ResidentSessionResponse = z.infer<typeof residentSessionResponseSchema>;

export const staffSessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  staff: staffProfileSchema,
});
export type StaffSessionResponse = z.infer<typeof staffSessionResponseSchema>;
