import { describe, expect, it } from "vitest";
import { runApiFuzz } from "../fuzz/api-fuzz.js";

/**
 * The short run of `npm run fuzz:api`: every declared route, as every kind of caller (anyone, a
 * resident, a head, an editor, an approver, an admin; staff by token and by cookie), with valid input
 * drawn from the route's schemas and hostile input. No answer is a 5xx and no refused request changes
 * the store. The seed is fixed, so a failure here is the same failure on the next run.
 */
describe("the API under a short fuzz run", () => {
  it("answers 800 valid and hostile requests over every route without a 5xx or a change by a refused one", async () => {
    const result = await runApiFuzz({ requests: 800, seed: 20_260_601 });
    const problems = result.findings
      .filter(({ example }) => example.kind !== "noAnswer")
      .map(({ count, example }) => ({ count, ...example }));
    expect({
      status5xx: result.status5xx,
      stateChangesFromRejected: result.stateChangesFromRejected,
      problems,
    }).toEqual({ status5xx: 0, stateChangesFromRejected: 0, problems: [] });
    expect(result.missedRoutes).toEqual([]);
    expect(result.routes).toBe(result.declaredRoutes);
  });
});
