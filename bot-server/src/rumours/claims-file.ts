// The claims file ward staff keep: one JSON object a line, {"id", "claim", "clarification", "topic"}.
// Read at the edge with zod; a line that is not a claim stops the read with its line number.
import { z } from "zod";
import type { Claim } from "./claim-index.js";

const claimSchema = z.object({
  id: z.string().min(1),
  claim: z.string().min(1),
  clarification: z.string(),
  topic: z.string(),
});

/** The claims of a JSON-lines text; blank lines are skipped. */
export function parseClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  const ids = new Set<string>();
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`claims line ${i + 1}: not JSON`);
    }
    const parsed = claimSchema.safeParse(value);
    if (!parsed.success)
      throw new Error(`claims line ${i + 1}: ${parsed.error.issues[0]?.message ?? "not a claim"}`);
    if (ids.has(parsed.data.id))
      throw new Error(`claims line ${i + 1}: claim id ${parsed.data.id} given twice`);
    ids.add(parsed.data.id);
    claims.push(parsed.data);
  });
  return claims;
}
