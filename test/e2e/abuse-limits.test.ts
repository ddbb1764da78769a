import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { type SeededWard, seedWard } from "./support/ward.js";

describe("limits on what one resident or one address can send", () => {
  let stack: Stack;
  let ward: SeededWard;
  let photo: Buffer;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 1, perGroup: 1 });
    photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#2e86de" } })
      .png()
      .toBuffer();
  });
  afterAll(async () => stack?.stop());

  const upload = (client: ApiClient) =>
    fetch(`${stack.url}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${client.token}`, "content-type": "image/png" },
      body: new Uint8Array(photo),
    });

  it("stops a resident's eleventh photo in ten minutes, and not their neighbour's first", async () => {
    const { client } = await residentClient(stack, { groupId: ward.groupIds[0]! });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => upload(client).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    const refused = await upload(client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await refused.json()).message).toMatch(/thử lại sau \d+ phút/);
    const neighbour = await residentClient(stack, { groupId: ward.groupIds[0]! });
    expect((await upload(neighbour.client)).status).toBe(201);
  });

  it("stops a flood of reports and nominations from one resident", async () => {
    const { client } = await residentClient(stack, { groupId: ward.groupIds[0]! });
    const reports = [];
    for (let i = 0; i < 11; i++)
      reports.push(
        (await client.request("POST", "/api/reports", { text: `Đèn hỏng ${i}`, uploadIds: [] })).status,
      );
    expect(reports).toEqual([...Array(10).fill(201), 429]);
    const nominations = [];
    for (let i = 0; i < 6; i++)
      nominations.push(
        (
          await client.request("POST", "/api/nominations", {
            who: `Cô ${i}`,
            where: "Trường",
            why: "Tận tụy",
          })
        ).status,
      );
    expect(nominations).toEqual([...Array(5).fill(201), 429]);
  });

  it("keeps ten sessions per resident, and counts Zalo sign-ins per address before asking Zalo", async () => {
    const r = await residentClient(stack, { groupId: ward.groupIds[0]! });
    const signIn = (ip: string) =>
      new ApiClient(stack.url).request(
        "POST",
        "/api/auth/zalo",
        { accessToken: stack.sim.issueUserAccessToken(r.idByApp) },
        { "x-forwarded-for": ip },
      );
    const tokens: string[] = [];
    for (let i = 0; i < 12; i++) tokens.push((await signIn("198.51.100.1")).body.token);
    const me = (token: string) =>
      fetch(`${stack.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then(
        (res) => res.status,
      );
    expect(await me(tokens[0]!)).toBe(401);
    expect(await me(tokens[1]!)).toBe(401);
    expect(await me(tokens[11]!)).toBe(200);
    const zaloCallsBefore = stack.sim.stats().requests;
    const flood = await Promise.all(
      Array.from({ length: 70 }, () => signIn("203.0.113.9").then((x) => x.status)),
    );
    expect(flood.filter((s) => s === 429).length).toBe(10);
    expect((await signIn("198.51.100.2")).status).toBe(200);
    // Zalo was asked for the sign-ins let through only: 60 from the flooding address, 1 from the other.
    expect(stack.sim.stats().requests - zaloCallsBefore).toBe(61);
  });
});
