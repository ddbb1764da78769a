import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { deliveries } from "../store/schema/index.js";
import { buildResident, buildSendingBroadcast, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import { claimDeliveries, leasedDeliveries, releaseDeliveries, settleDeliveries } from "./delivery-rows.js";

describe.each(storeKinds)("delivery leases on %s", (kind) => {
  let store: Store;
  let deliveryId: number;

  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store.close());
  beforeEach(async () => {
    await truncateAll(store);
    const wardId = (await buildWard(store.db)).id;
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const resident = await buildResident(store.db, wardId);
    const [row] = await store.db
      .insert(deliveries)
      .values({ broadcastId: broadcast.id, residentId: resident.id })
      .returning();
    deliveryId = row!.id;
  });
  const row = async () => (await store.db.select().from(deliveries).where(eq(deliveries.id, deliveryId)))[0]!;

  it("does not let a worker whose lease ran out overwrite the worker that claimed the row after it", async () => {
    // Lease of 0 s: the first claim has run out by the time the second worker looks.
    const [first] = await claimDeliveries(store.db, [deliveryId], 0);
    const [second] = await claimDeliveries(store.db, [deliveryId], 0);
    expect(first?.previous_status).toBe("pending");
    expect(second?.previous_status).toBe("sending"); // in doubt: the second worker reconciles before sending
    expect(second?.lease).not.toBe(first?.lease);

    // The first worker's late outcome, whether a release or a settlement, changes nothing.
    await releaseDeliveries(store.db, [{ id: deliveryId, lease: first!.lease, status: "pending" }]);
    await settleDeliveries(store.db, [
      { id: deliveryId, lease: first!.lease, status: "sent", zaloMessageId: "from-the-first" },
    ]);
    expect(await row()).toMatchObject({ status: "sending", zaloMessageId: null });

    await settleDeliveries(store.db, [
      { id: deliveryId, lease: second!.lease, status: "sent", zaloMessageId: "from-the-second" },
    ]);
    expect(await row()).toMatchObject({ status: "sent", zaloMessageId: "from-the-second", inFlightAt: null });
  });

  it("keeps a row under a live lease, or freshly in doubt, away from every other claim", async () => {
    const [first] = await claimDeliveries(store.db, [deliveryId], 60);
    expect(first).toBeDefined();
    expect(await claimDeliveries(store.db, [deliveryId], 60)).toEqual([]);
    expect(await leasedDeliveries(store.db, [deliveryId], 60)).toEqual([deliveryId]);
    // The call timed out: in doubt. A message still on its way to Zalo must land before anyone looks.
    await releaseDeliveries(store.db, [{ id: deliveryId, lease: first!.lease, status: "sending" }]);
    expect(await claimDeliveries(store.db, [deliveryId], 60)).toEqual([]);
    expect(await leasedDeliveries(store.db, [deliveryId], 60)).toEqual([deliveryId]);
    const [again] = await claimDeliveries(store.db, [deliveryId], 0);
    expect(again?.previous_status).toBe("sending");
  });

  it("answers that no row is leased when a batch claimed all of its rows itself", async () => {
    expect(await leasedDeliveries(store.db, [], 60)).toEqual([]);
  });
});
