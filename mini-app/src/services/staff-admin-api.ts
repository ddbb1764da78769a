import type {
  ChannelStatusList,
  OaConnection,
  PushChannel,
  SetAsideEvent,
  WebhookHealth,
} from "@loa-phuong/shared";
import { request } from "./api";

export type { ChannelStatusList, OaConnection, PushChannel, SetAsideEvent, WebhookHealth };

/** The admins' part of the staff API: Zalo events set aside, the OA connection, the ward's channels. */
type Token = string | null;
const id = (value: string) => encodeURIComponent(value);

// Zalo events set aside (admins)

export function fetchSetAsideEvents(token: Token, signal?: AbortSignal): Promise<{ items: SetAsideEvent[] }> {
  return request("/api/admin/webhook-events", { token, signal });
}

/** Puts the event back in line; answers with the events still set aside. */
export function retrySetAsideEvent(token: Token, eventId: number): Promise<{ items: SetAsideEvent[] }> {
  return request(`/api/admin/webhook-events/${eventId}/retry`, { token, method: "POST" });
}

// The ward's OA connection (admins)

export function fetchOaConnection(token: Token, signal?: AbortSignal): Promise<OaConnection> {
  return request("/api/admin/zalo/connection", { token, signal });
}

/** Zalo's consent link for this admin; the browser goes there, and Zalo sends it back. */
export function startOaConnection(token: Token): Promise<{ permissionUrl: string; expiresInSec: number }> {
  return request("/api/admin/zalo/connect", { token, method: "POST" });
}

/** How Zalo's events arrive: the last one, events and bad signatures in the last hour. */
export function fetchWebhookHealth(token: Token, signal?: AbortSignal): Promise<WebhookHealth> {
  return request("/api/admin/zalo/webhook", { token, signal });
}

/** The ward's push channels: configured or not, the price, the quota left today, and any stop by Zalo. */
export function fetchPushChannels(token: Token, signal?: AbortSignal): Promise<ChannelStatusList> {
  return request("/api/admin/zalo/channels", { token, signal });
}

/** Reopens a channel Zalo stopped, once its cause is fixed; answers with the channels as they are now. */
export function resumePushChannel(token: Token, channel: PushChannel): Promise<ChannelStatusList> {
  return request(`/api/admin/zalo/channels/${id(channel)}/resume`, { token, method: "POST" });
}
