import type { AxiosInstance } from "axios";
import { appSecretProof, parseEnvelope, zaloRequest } from "./http.js";
import { type GraphMe, graphMeSchema, graphPhoneSchema } from "./zalo-schemas.js";

/** Zalo's Graph API (graph.zalo.me): who a Mini App user is, and their phone number with consent. */
export class GraphClient {
  constructor(
    private readonly http: AxiosInstance,
    private readonly appSecret: string,
    private readonly useAppSecretProof: boolean,
    /** The Mini App's id: Zalo answers `user_id_by_oa` and `is_follower` only to a call that names it. */
    private readonly miniAppId: string,
  ) {}

  /** Verifies a token from zmp-sdk getAccessToken() and returns the user it belongs to. */
  async getMe(userAccessToken: string): Promise<GraphMe> {
    const response = await zaloRequest(() =>
      this.http.get("/v2.0/me", {
        params: {
          fields: "id,name,picture,user_id_by_oa,is_follower,is_sensitive",
          miniapp_id: this.miniAppId,
        },
        headers: this.headers(userAccessToken),
      }),
    );
    return parseEnvelope(response.data, graphMeSchema);
  }

  /** Exchanges a getPhoneNumber() token (single use, 2 minutes) for the number; never done on the client. */
  async getPhoneNumber(userAccessToken: string, phoneToken: string): Promise<string> {
    const response = await zaloRequest(() =>
      this.http.get("/v2.0/me/info", {
        headers: { ...this.headers(userAccessToken), code: phoneToken, secret_key: this.appSecret },
      }),
    );
    return parseEnvelope(response.data, graphPhoneSchema).data.number;
  }

  private headers(token: string): Record<string, string> {
    return this.useAppSecretProof
      ? { access_token: token, appsecret_proof: appSecretProof(token, this.appSecret) }
      : { access_token: token };
  }
}
