import { LIMIT_MESSAGE } from "../envelope.js";
import type { SimChannel, SimChannelError } from "../types.js";

export const SIM_CHANNELS = [
  "cs",
  "zbs_uid",
  "zbs_phone",
  "notification",
  "article",
] as const satisfies readonly SimChannel[];

export function emptyPerChannel(): Record<SimChannel, number> {
  return { cs: 0, zbs_uid: 0, zbs_phone: 0, notification: 0, article: 0 };
}

/**
 * Zalo's wording for the codes tests force most (OA billing problems and quotas), so a client that
 * logs the message shows something plausible. Wording of -224/-320/-321 is paraphrased [?].
 */
const DEFAULT_MESSAGES: Record<number, string> = {
  [-32]: LIMIT_MESSAGE,
  [-114]: "User cannot receive ZNS",
  [-115]: "Out of quota",
  [-211]: "Out of quota",
  [-218]: "Out of quota receive",
  [-224]: "The OA's package does not allow this feature; upgrade it",
  [-320]: "The app must be linked to a Zalo Cloud Account to use paid features",
  [-321]: "The Zalo Cloud Account linked to the app has run out of money",
};

interface ForcedError {
  code: number;
  message: string;
  /** null = until cleared. */
  remaining: number | null;
}

/** Errors a test forces on a channel's next calls (`POST /__sim/channel-errors`, `setChannelError`). */
export class ChannelErrorStore {
  private readonly forced = new Map<SimChannel, ForcedError>();

  set({ channel, code, message, count }: SimChannelError): void {
    this.forced.set(channel, {
      code,
      message: message ?? DEFAULT_MESSAGES[code] ?? `Simulated Zalo error ${code}`,
      remaining: count ?? null,
    });
  }

  clear(channel?: SimChannel): void {
    if (channel === undefined) this.forced.clear();
    else this.forced.delete(channel);
  }

  /** The error to answer on this call, if one is forced; counts one call down. */
  take(channel: SimChannel): { code: number; message: string } | undefined {
    const forced = this.forced.get(channel);
    if (!forced) return undefined;
    if (forced.remaining !== null) {
      forced.remaining--;
      if (forced.remaining <= 0) this.forced.delete(channel);
    }
    return { code: forced.code, message: forced.message };
  }

  list(): (SimChannelError & { remaining: number | null })[] {
    return [...this.forced].map(([channel, f]) => ({
      channel,
      code: f.code,
      message: f.message,
      remaining: f.remaining,
    }));
  }
}
