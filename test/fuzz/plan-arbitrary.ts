import fc from "fast-check";
import { everyone } from "./fuzz-identities.js";
import { hostileArbitrary } from "./hostile.js";
import type { Plan, SignatureKind, TimeKind, UploadKind, WebhookPlan } from "./plans.js";
import { type JsonSchema, Pick, schemaArbitrary } from "./schema-arbitrary.js";

const pick = (pool: string) => fc.noBias(fc.nat()).map((n) => new Pick(pool, n));
const keyPools: Record<string, string> = {
  postId: "post",
  residentialGroupId: "group",
  schoolId: "school",
  campaignId: "campaign",
  ref: "relayRef",
  version: "postVersion",
  accessToken: "zaloToken",
  phoneToken: "phoneToken",
  username: "loginUser",
  password: "loginPassword",
};
const arrayPools: Record<string, string> = {
  residentialGroupIds: "group",
  uploadIds: "upload",
  optionIds: "pollOption",
};

/** An audience the server takes: whole ward, real groups, civic roles (of real schools); some excluded. */
const audienceItem = fc.oneof(
  fc.constant({ wholeWard: true }),
  fc.record({ residentialGroupIds: fc.array(pick("group"), { minLength: 1, maxLength: 2 }) }),
  fc.record({
    civicRoles: fc.array(
      fc.record(
        {
          role: fc.constantFrom("parent", "teacher", "party_member", "group_head"),
          schoolId: pick("school"),
        },
        { requiredKeys: ["role"] },
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);
const audience = fc.record(
  {
    include: fc.array(audienceItem, { minLength: 1, maxLength: 2 }),
    exclude: fc.array(audienceItem, { maxLength: 1 }),
  },
  { requiredKeys: ["include"] },
);

/** Real values for the properties that name one: ids of the ward's rows, current versions, Zalo tokens. */
function hints(key: string, schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  if (key === "audience")
    return fc.oneof(
      { weight: 3, arbitrary: audience },
      { weight: 1, arbitrary: schemaArbitrary(schema, hints) },
    );
  const pool = keyPools[key];
  if (pool)
    return fc.oneof({ weight: 4, arbitrary: pick(pool) }, { weight: 1, arbitrary: schemaArbitrary(schema) });
  const items = arrayPools[key];
  if (items) {
    const min = schema.minItems ?? 0;
    const max = Math.max(min, Math.min(schema.maxItems ?? 3, 3));
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(pick(items), { minLength: min, maxLength: max }) },
      { weight: 1, arbitrary: schemaArbitrary(schema) },
    );
  }
  return undefined;
}

const webhookArbitrary: fc.Arbitrary<WebhookPlan> = fc.record({
  event: fc.constantFrom(
    "user_send_text",
    "user_send_text",
    "user_send_image",
    "user_send_link",
    "user_received_message",
    "user_seen_message",
    "follow",
    "unfollow",
    "user_click_chatnow",
    "user_send_group_text",
    "oa_send_text",
    "su_kien_khong_co",
  ),
  user: fc.nat(),
  text: schemaArbitrary({ type: "string", minLength: 1, maxLength: 300 }) as fc.Arbitrary<string>,
  msgId: fc.stringMatching(/^[0-9a-f]{32}$/),
  numberTime: fc.boolean(),
  // Most hostile webhooks are signed and on time, so what is wrong in their body reaches the inbox.
  signature: fc.oneof(
    { weight: 14, arbitrary: fc.constant<SignatureKind>("valid") },
    {
      weight: 7,
      arbitrary: fc.constantFrom<SignatureKind>(
        "none",
        "garbage",
        "tampered",
        "wrongSecret",
        "prefixless",
        "upper",
        "empty",
      ),
    },
  ),
  time: fc.oneof(
    { weight: 12, arbitrary: fc.constant<TimeKind>("now") },
    {
      weight: 4,
      arbitrary: fc.constantFrom<TimeKind>(
        "old",
        "future",
        "iso",
        "float",
        "negative",
        "huge",
        "missing",
        "empty",
      ),
    },
  ),
});

/**
 * A route's plans: the caller, valid or hostile, its path params (usually real ids), query and body drawn
 * from its schemas (with real values where a property names one), one or two hostile changes (used
 * only when the plan is hostile), the address it comes from, and the upload and webhook specifics.
 */
export function planArbitrary(
  paramNames: string[],
  idPool: string,
  schemas: Record<"params" | "query" | "body", JsonSchema | undefined>,
): fc.Arbitrary<Plan> {
  const params = schemas.params
    ? fc.record(
        Object.fromEntries(
          paramNames.map((name) => {
            const sub = schemas.params?.properties?.[name] ?? { type: "string" };
            return [
              name,
              fc.oneof(
                { weight: 4, arbitrary: pick(idPool) },
                { weight: 1, arbitrary: schemaArbitrary(sub) },
              ),
            ];
          }),
        ),
      )
    : fc.constant({});
  return fc.record({
    who: fc.constantFrom(...everyone),
    useAllowed: fc.boolean(),
    allowedPick: fc.nat(),
    cookie: fc.boolean(),
    browser: fc.boolean(),
    mode: fc.constantFrom<"valid" | "hostile">("valid", "hostile", "hostile"),
    params: params as fc.Arbitrary<Record<string, unknown>>,
    query: schemas.query
      ? fc.option(schemaArbitrary(schemas.query, hints), { nil: undefined })
      : fc.constant(undefined),
    body: schemas.body ? schemaArbitrary(schemas.body, hints) : fc.constant(undefined),
    hostile: fc.array(hostileArbitrary, { minLength: 1, maxLength: 2 }),
    ip: fc.ipV4(),
    upload: fc.constantFrom<UploadKind>(
      "png",
      "png",
      "png",
      "jpegGarbage",
      "empty",
      "text",
      "bomb",
      "svg",
      "truncated",
      "gif",
    ),
    webhook: webhookArbitrary,
  });
}
