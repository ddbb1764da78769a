import { queryRows } from "@loa-phuong/bot-server/store";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { type SeededWard, seedWard } from "./support/ward.js";

const GOOD = 1000;

describe("one poison event among a thousand good ones", () => {
  let stack: Stack;
  let ward: SeededWard;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 2, perGroup: 10 });
    // The store refuses one message, as it would for a fault nobody foresaw: the batch holding it fails.
    const db = stack.runtime.store.db;
    await db.execute(
      sql.raw(`create function refuse_poison() returns trigger language plpgsql as $$
        begin if new.text = 'ĐỘC' then raise exception 'poison for the chaos test'; end if; return new; end $$`),
    );
    await db.execute(
      sql.raw(
        "create trigger refuse_poison before insert on signals for each row execute function refuse_poison()",
      ),
    );
  });
  afterAll(async () => stack?.stop());

  it("applies all thousand, sets the poison aside with its reason, and alerts staff", async () => {
    const senders = ward.residents.map((r) => r.zaloOaUserId);
    const texts = Array.from({ length: GOOD }, (_, i) => `Tin nhắn số ${i + 1}`);
    texts.splice(GOOD / 2, 0, "ĐỘC");
    // Zalo sends them as they come, many at once: in waves of 50 concurrent webhooks.
    for (let i = 0; i < texts.length; i += 50) {
      await Promise.all(
        texts
          .slice(i, i + 50)
          .map((text, k) => stack.sim.sendUserText(senders[(i + k) % senders.length]!, text)),
      );
    }
    const counts = async () => {
      const [row] = await queryRows<{ good: number; poison: number; setAside: number; open: number }>(
        stack.runtime.store.db,
        sql`select (select count(*)::int from signals where text like 'Tin nhắn số %') as good,
                   (select count(*)::int from signals where text = 'ĐỘC') as poison,
                   (select count(*)::int from webhook_events where set_aside_at is not null) as "setAside",
                   (select count(*)::int from webhook_events where processed_at is null and set_aside_at is null)
                     as open`,
      );
      return row!;
    };
    const settled = await waitFor(
      async () => {
        const c = await counts();
        return c.good === GOOD && c.setAside === 1 && c.open === 0 ? c : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: "every good event applied and the poison set aside" },
    );
    expect(settled).toEqual({ good: GOOD, poison: 0, setAside: 1, open: 0 });
    const [aside] = await queryRows<{ reason: string; failures: number }>(
      stack.runtime.store.db,
      sql`select last_error as reason, failures from webhook_events where set_aside_at is not null`,
    );
    expect(aside?.reason).toMatch(/poison for the chaos test/);
    expect(aside?.failures).toBe(3);
    const alerts = await ward.editor.request("GET", "/api/staff/alerts");
    expect(alerts.body.items.map((a: { kind: string }) => a.kind)).toContain("webhook_events_set_aside");
  });
});
