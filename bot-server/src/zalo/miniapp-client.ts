import type { AxiosInstance } from "axios";
import { parseEnvelope, zaloRequest } from "./http.js";
import { ZaloError } from "./zalo-error.js";
import { notificationSendSchema } from "./zalo-schemas.js";

export interface MiniAppClientOptions {
  http: AxiosInstance;
  apiKey: string;
  miniAppId: string;
}

/**
 * The Mini App's notification API (openapi.mini.zalo.me, docs/zalo-contracts.md §1.9c): a template
 * notification to a resident who allowed it with `requestSendNotification`, addressed by their
 * app-scoped id. Its answer's shape is not documented ([?]): an error code is read as the OA API's.
 */
export class MiniAppClient {
  constructor(private readonly options: MiniAppClientOptions) {}

  async sendNotification(
    userIdByApp: string,
    templateId: string,
    templateData: Record<string, string>,
  ): Promise<{ messageId: string | undefined }> {
    const response = await zaloRequest(() =>
      this.options.http.post(
        "/notification/template",
        { templateId, templateData },
        {
          headers: {
            "X-Api-Key": `Bearer ${this.options.apiKey}`,
            "X-User-Id": userIdByApp,
            "X-MiniApp-Id": this.options.miniAppId,
          },
        },
      ),
    ).catch((error: unknown) => {
      // A refused key is the whole channel's problem, like an OA out of quota.
      if (error instanceof ZaloError && error.kind === "http" && (error.code === 401 || error.code === 403))
        throw new ZaloError("api", -224, "Khóa API của Mini App bị từ chối (ZALO_MINIAPP_API_KEY)");
      throw error;
    });
    const body = parseEnvelope(response.data, notificationSendSchema);
    return { messageId: body.data?.msg_id ?? body.data?.message_id ?? body.data?.msgId };
  }
}
