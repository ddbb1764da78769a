import type { CsMessage } from "@loa-phuong/shared";
import type { AxiosInstance } from "axios";
import type { z } from "zod";
import { appSecretProof, parseEnvelope, zaloRequest } from "./http.js";
import type { OaTokenStore } from "./oa-token-store.js";
import type { PacerPermit, SendPacer } from "./send-pacer.js";
import { ZaloError } from "./zalo-error.js";
import {
  articleIdSchema,
  articleTokenSchema,
  type ConversationMessage,
  conversationSchema,
  sendMessageSchema,
  templateSendSchema,
  userDetailSchema,
  userListSchema,
  zbsSendSchema,
} from "./zalo-schemas.js";

/** A send Zalo accepted, with what it said is left of the quota, when it said. */
export interface Accepted {
  messageId: string;
  quotaRemaining?: number | undefined;
}

/** What an OA Article says: the post's title, summary and text, a cover, and the link to it. */
export interface ArticleContent {
  title: string;
  author: string;
  description: string;
  body: string;
  coverUrl?: string | undefined;
  link: string;
}

export interface OaClientOptions {
  http: AxiosInstance;
  tokens: OaTokenStore;
  appSecret: string;
  useAppSecretProof: boolean;
  /** Paces calls under Zalo's per-app limit; omitted = unpaced (tests, or a limit far above the load). */
  pacer?: SendPacer | undefined;
  /** ZBS by phone is on another host (business.openapi.zalo.me) with the same OA token. */
  businessHttp?: AxiosInstance | undefined;
}

export interface CallOptions {
  /**
   * Epoch ms after which the call must not be made at all (it throws CallTooLate, certainly unsent):
   * a sender's lease on a delivery row must outlast any call it makes for that row.
   */
  startBy?: number | undefined;
  /** The slot this call takes, from a batch's `pace()`; without one the call takes its own. */
  permit?: PacerPermit | undefined;
}

/** The call was not made: its `startBy` had passed. Nothing reached Zalo. */
export class CallTooLate extends Error {
  constructor() {
    super("Zalo call not made: its time to start had passed");
    this.name = "CallTooLate";
  }
}

/** The ward's Official Account API (openapi.zalo.me), with one token refresh on -216/-220. */
export class OaClient {
  constructor(private readonly options: OaClientOptions) {}

  async sendCsMessage(
    userId: string,
    message: CsMessage,
    options: CallOptions = {},
  ): Promise<{ messageId: string }> {
    const body = await this.call(
      "post",
      "/v3.0/oa/message/cs",
      { recipient: { user_id: userId }, message },
      sendMessageSchema,
      options,
    );
    return { messageId: body.data.message_id };
  }

  /** An approved ZBS template by user id (no 7-day rule); billed per message. */
  async sendTemplateMessage(
    userId: string,
    templateId: string,
    templateData: Record<string, string>,
    options: CallOptions = {},
  ): Promise<Accepted> {
    const body = await this.call(
      "post",
      "/v3.0/oa/message/template",
      { user_id: userId, template_id: templateId, template_data: templateData },
      templateSendSchema,
      options,
    );
    return { messageId: body.data.message_id, quotaRemaining: body.data.quota?.remain };
  }

  /**
   * An approved ZBS template by phone (`84…`), only to residents who gave their number with consent;
   * `trackingId` (≤ 48 characters) comes back in Zalo's reports.
   */
  async sendTemplateByPhone(
    phone: string,
    templateId: string,
    templateData: Record<string, string>,
    trackingId: string,
    options: CallOptions = {},
  ): Promise<Accepted> {
    const http = this.options.businessHttp;
    if (!http)
      throw new ZaloError("contract", undefined, "Chưa cấu hình máy chủ ZBS (ZALO_BUSINESS_BASE_URL)");
    const body = await this.call(
      "post",
      "/message/template",
      { phone, template_id: templateId, template_data: templateData, tracking_id: trackingId.slice(0, 48) },
      zbsSendSchema,
      options,
      http,
    );
    return { messageId: body.data.msg_id, quotaRemaining: body.data.quota?.remainingQuota };
  }

  /** Publishes an OA Article (create, then verify for its id): what an Article broadcast sends. */
  async createArticle(content: ArticleContent): Promise<{ articleId: string }> {
    const created = await this.call(
      "post",
      "/v2.0/article/create",
      {
        type: "normal",
        title: content.title.slice(0, 150),
        author: content.author.slice(0, 50),
        description: content.description.slice(0, 300),
        ...(content.coverUrl && {
          cover: { cover_type: "photo", photo_url: content.coverUrl, status: "show" },
        }),
        body: [
          { type: "text", content: content.body },
          { type: "text", content: `Xem trong Mini App của phường: ${content.link}` },
        ],
        status: "show",
        comment: "show",
      },
      articleTokenSchema,
    );
    const verified = await this.call(
      "post",
      "/v2.0/article/verify",
      { token: created.data.token },
      articleIdSchema,
    );
    return { articleId: verified.data.id };
  }

  /** Sends an Article to every follower (Zalo's v2.0 broadcast; it cannot target a residential group). */
  async broadcastArticle(articleId: string, options: CallOptions = {}): Promise<{ messageId: string }> {
    const body = await this.call(
      "post",
      "/v2.0/oa/message",
      {
        recipient: { target: {} },
        message: {
          attachment: {
            type: "template",
            payload: {
              template_type: "media",
              elements: [{ media_type: "article", attachment_id: articleId }],
            },
          },
        },
      },
      sendMessageSchema,
      options,
    );
    return { messageId: body.data.message_id };
  }

  /** Newest first; Zalo caps count at 10. */
  async getConversation(
    userId: string,
    offset = 0,
    count = 10,
    options: CallOptions = {},
  ): Promise<ConversationMessage[]> {
    const body = await this.call(
      "get",
      "/v2.0/oa/conversation",
      { user_id: userId, offset, count },
      conversationSchema,
      options,
    );
    return body.data;
  }

  async getUserDetail(userId: string) {
    return (await this.call("get", "/v3.0/oa/user/detail", { user_id: userId }, userDetailSchema)).data;
  }

  async getUserList(params: { offset: number; count: number; tag_name?: string; is_follower?: boolean }) {
    return (await this.call("get", "/v3.0/oa/user/getlist", params, userListSchema)).data;
  }

  /**
   * Takes `calls` slots from the pacer at once, for a batch whose calls then pass the permit; the
   * caller settles it once they are all done.
   */
  async pace(calls: number): Promise<PacerPermit | undefined> {
    return this.options.pacer?.acquire(calls);
  }

  private async call<T extends z.ZodType>(
    method: "get" | "post",
    url: string,
    data: unknown,
    schema: T,
    options: CallOptions = {},
    http: AxiosInstance = this.options.http,
  ): Promise<z.output<T>> {
    let token = await this.options.tokens.getAccessToken();
    for (let attempt = 0; ; attempt++) {
      const given = attempt === 0 ? options.permit : undefined;
      const permit = given ?? (await this.options.pacer?.acquire());
      try {
        // After pacing and any token refresh: the last moment this call may still go out.
        if (options.startBy !== undefined && Date.now() > options.startBy) throw new CallTooLate();
        const response = await zaloRequest(
          () =>
            method === "get"
              ? http.get(url, { params: { data: JSON.stringify(data) }, headers: this.headers(token) })
              : http.post(url, data, { headers: this.headers(token) }),
          () => permit?.markAnswered(),
        );
        return parseEnvelope(response.data, schema);
      } catch (error) {
        if (attempt === 0 && error instanceof ZaloError && error.isTokenProblem) {
          token = await this.options.tokens.refresh(token);
          continue;
        }
        throw error;
      } finally {
        if (permit !== given) await permit?.settle();
      }
    }
  }

  private headers(token: string): Record<string, string> {
    return this.options.useAppSecretProof
      ? { access_token: token, appsecret_proof: appSecretProof(token, this.options.appSecret) }
      : { access_token: token };
  }
}
