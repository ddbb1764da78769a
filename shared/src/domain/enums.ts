import { z } from "zod";

/** Vai trò cán bộ phường: biên tập, duyệt, quản trị. */
export const staffRoles = ["editor", "approver", "admin"] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/**
 * Vai trò công dân của một người dân (phụ huynh, giáo viên, đảng viên, tổ trưởng, cộng tác viên dư
 * luận xã hội). The collaborator is appointed by staff, never chosen by the resident.
 */
export const civicRoles = [
  "parent",
  "teacher",
  "party_member",
  "group_head",
  "opinion_collaborator",
] as const;
export const civicRoleSchema = z.enum(civicRoles);
export type CivicRole = z.infer<typeof civicRoleSchema>;

/** Cấp học: mầm non, tiểu học, trung học cơ sở. */
export const schoolLevels = ["mam_non", "tieu_hoc", "thcs"] as const;
export const schoolLevelSchema = z.enum(schoolLevels);
export type SchoolLevel = z.infer<typeof schoolLevelSchema>;

/** Loại bài: thông báo, tin tức, gương điển hình, đính chính, khảo sát, kịch bản loa. */
export const postKinds = [
  "announcement",
  "news",
  "exemplary_story",
  "clarification",
  "poll",
  "loudspeaker_script",
] as const;
export const postKindSchema = z.enum(postKinds);
export type PostKind = z.infer<typeof postKindSchema>;

export const postStatuses = [
  "draft",
  "submitted",
  "approved",
  "rejected",
  "scheduled",
  "sending",
  "sent",
  "paused",
  "cancelled",
] as const;
export const postStatusSchema = z.enum(postStatuses);
export type PostStatus = z.infer<typeof postStatusSchema>;

export const broadcastStatuses = ["scheduled", "sending", "sent", "paused", "cancelled", "failed"] as const;
export const broadcastStatusSchema = z.enum(broadcastStatuses);
export type BroadcastStatus = z.infer<typeof broadcastStatusSchema>;

/**
 * A delivery's state only moves forward along pending → sending → sent → delivered → seen;
 * `failed` and `fallback` are final states for residents the OA could not reach.
 */
export const deliveryStatuses = [
  "pending",
  "sending",
  "sent",
  "delivered",
  "seen",
  "failed",
  "fallback",
] as const;
export const deliveryStatusSchema = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** Tín hiệu: mọi thứ người dân gửi lại. */
export const signalKinds = [
  "oa_message",
  "comment",
  "question",
  "reaction",
  "poll_answer",
  "report",
  "nomination",
  "opinion_report",
  /** A head asked "Kiểm tra tin này" about a message seen in the group. */
  "message_check",
] as const;
export const signalKindSchema = z.enum(signalKinds);
export type SignalKind = z.infer<typeof signalKindSchema>;

/** What a resident's words feel like, and whether they are fit to show: the opinion models' labels. */
export const sentiments = ["negative", "neutral", "positive"] as const;
export const sentimentSchema = z.enum(sentiments);
export type Sentiment = z.infer<typeof sentimentSchema>;
export const toxicities = ["clean", "offensive", "hate"] as const;
export const toxicitySchema = z.enum(toxicities);
export type Toxicity = z.infer<typeof toxicitySchema>;
/** What a message does: asks, complains or reports, proposes, praises, repeats a claim, or other. */
export const messageKinds = ["question", "complaint", "proposal", "praise", "rumour", "other"] as const;
export const messageKindSchema = z.enum(messageKinds);
export type MessageKind = z.infer<typeof messageKindSchema>;
/** The labels a signal carries, each from a model version, the theme keywords, or staff. */
export const labelTasks = ["sentiment", "toxicity", "kind", "themes"] as const;
export type LabelTask = (typeof labelTasks)[number];

export const membershipStatuses = ["pending", "confirmed"] as const;
export const membershipStatusSchema = z.enum(membershipStatuses);
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;

/** Alerts for staff: a head late to relay, the OA's authorisation lost, Zalo events set aside. */
export const staffAlertKinds = [
  "relay_overdue",
  "oa_authorization_lost",
  "oa_refresh_expiring",
  "webhook_events_set_aside",
  "webhook_signature_failures",
  "channel_stopped",
  /** A theme in a residential group is talked about far more than its last 14 days. */
  "opinion_spike",
  /** A known false claim is being repeated in a residential group. */
  "rumour_spreading",
  /** A unit's campaign task is past its deadline and not reported done. */
  "task_overdue",
] as const;
export const staffAlertKindSchema = z.enum(staffAlertKinds);
export type StaffAlertKind = z.infer<typeof staffAlertKindSchema>;

/** Đơn vị thực hiện: an office, a school, a residential group, the Front or a mass organisation, other. */
export const unitKinds = ["office", "school", "residential_group", "organisation", "other"] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;
export const taskStatuses = ["open", "done"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
