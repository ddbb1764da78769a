import fc from "fast-check";

/** The part of JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) the API's schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  nullable?: boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/**
 * A value that is not known when the request is generated: a real id of the seeded ward, the current
 * version of a post, a fresh Zalo token. The engine resolves it just before sending (`pool` names what
 * kind of value, `pick` chooses one of them).
 */
export class Pick {
  constructor(
    readonly pool: string,
    readonly pick: number,
  ) {}
}

/** For a property of this name, a real value of the ward is usually worth more than a random one. */
export type Hints = (key: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/** Letters a Vietnamese text is made of (each one UTF-16 unit), so lengths count as zod counts them. */
const vietnamese = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
];
const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...vietnamese, " ", " ", ".", ",", "?") },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  // Printable characters outside the Basic Latin block, whole pairs only (emoji are two units: trimmed below).
  { weight: 1, arbitrary: fc.constantFrom("€", "中", "ß", "😀", "‮", "\u200b", "\ufeff", "𝕏") },
);

function text(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, min + 60);
  return fc
    .string({ unit: textUnit, minLength: min, maxLength: cap })
    .map((s) => {
      // A unit may be two UTF-16 units: cut back to the limit without splitting a pair.
      let out = s;
      while (out.length > max) out = [...out].slice(0, -1).join("");
      return out;
    })
    .filter((s) => s.length >= min);
}

const isoDate = (d: Date) => d.toISOString();
const dates = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2032-12-31T23:59:59Z"),
  noInvalidDate: true,
});
/** Near now: a time the server takes (not in the past, not years ahead), often. */
const soon = fc.integer({ min: -3_600_000, max: 30 * 86_400_000 }).map((ms) => new Date(Date.now() + ms));

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min + 40, 40);
  const byFormat = formatArb(schema, min, max);
  // A format's pattern reaches the edges a realistic value does not (year 0000, offsets of +23:59).
  if (byFormat && schema.pattern)
    return fc.oneof(
      { weight: 3, arbitrary: byFormat },
      { weight: 1, arbitrary: patternArb(schema, min, max) },
    );
  if (byFormat) return byFormat;
  if (schema.pattern) return patternArb(schema, min, max);
  return text(min, max);
}

const patternArb = (schema: JsonSchema, min: number, max: number) =>
  fc.stringMatching(new RegExp(schema.pattern!)).filter((s) => s.length >= min && s.length <= max);

function formatArb(schema: JsonSchema, min: number, max: number): fc.Arbitrary<string> | undefined {
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "date-time":
      return fc.oneof(soon, dates).map(isoDate);
    case "date":
      return dates.map((d) => isoDate(d).slice(0, 10));
    case "email":
      return fc.emailAddress().filter((s) => s.length >= min && s.length <= max);
    case "uri":
    case "url":
      return fc
        .oneof(
          fc.webUrl({ validSchemes: ["https"] }),
          fc.constantFrom("https://hongbang.haiphong.gov.vn/anh/tin.jpg"),
        )
        .filter((s) => s.length >= min && s.length <= max);
    default:
      return undefined;
  }
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lowest = integer ? Number.MIN_SAFE_INTEGER : -1e15;
  const highest = integer ? Number.MAX_SAFE_INTEGER : 1e15;
  let min = schema.minimum ?? lowest;
  let max = schema.maximum ?? highest;
  if (schema.exclusiveMinimum !== undefined)
    min = integer ? schema.exclusiveMinimum + 1 : schema.exclusiveMinimum;
  if (schema.exclusiveMaximum !== undefined)
    max = integer ? schema.exclusiveMaximum - 1 : schema.exclusiveMaximum;
  if (integer) {
    // Ids, limits and versions: small values reach rows, the bounds find the edges.
    const small = fc.integer({ min: Math.max(min, -5), max: Math.min(max, Math.max(min, -5) + 60) });
    return fc.oneof(small, fc.integer({ min, max }), fc.constantFrom(min, max));
  }
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .filter(
      (n) =>
        (schema.exclusiveMinimum === undefined || n > schema.exclusiveMinimum) &&
        (schema.exclusiveMaximum === undefined || n < schema.exclusiveMaximum),
    );
}

/**
 * An arbitrary of values a JSON Schema accepts: objects (required keys always, optional ones often),
 * arrays within their bounds (kept short), strings with their length, pattern and format, numbers
 * within their bounds, enums, consts, unions and nulls. `hints` may offer a property real values.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  hints?: Hints,
  root: JsonSchema = schema,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    const target = root.$defs?.[name];
    return target ? fc.constant(undefined).chain(() => schemaArbitrary(target, hints, root)) : fc.jsonValue();
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => schemaArbitrary(s, hints, root)));
  if (schema.allOf?.length)
    return schemaArbitrary(Object.assign({}, ...schema.allOf) as JsonSchema, hints, root);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => schemaArbitrary({ ...schema, type }, hints, root)));
  const base = typed(types[0], schema, hints, root);
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

function typed(type: string | undefined, schema: JsonSchema, hints: Hints | undefined, root: JsonSchema) {
  switch (type) {
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties).map(([key, sub]) => {
        const hinted = hints?.(key, sub);
        const arb = hinted ?? schemaArbitrary(sub, hints, root);
        return [key, arb] as const;
      });
      if (entries.length === 0)
        return schema.additionalProperties === false || schema.additionalProperties === undefined
          ? fc.constant({})
          : fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      return fc.record(Object.fromEntries(entries), {
        requiredKeys: [...required].filter((k) => k in properties),
      }) as fc.Arbitrary<unknown>;
    }
    case "array": {
      const item = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 4, min + 4);
      return fc.array(item ? schemaArbitrary(item, hints, root) : fc.jsonValue({ maxDepth: 2 }), {
        minLength: min,
        maxLength: max,
      });
    }
    case "string":
      return stringArb(schema);
    case "integer":
      return numberArb(schema, true);
    case "number":
      return numberArb(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      // `{}`: anything (what `unrepresentable: "any"` writes for a schema JSON Schema cannot say).
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Keys a schema's object declares (the top level only): what a hostile mutation aims at. */
export function propertyNames(schema: JsonSchema | undefined): string[] {
  return Object.keys(schema?.properties ?? {});
}
