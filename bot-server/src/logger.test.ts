import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

describe("the log", () => {
  it("never writes a session token, a Zalo token, a password or a cookie", () => {
    const lines: string[] = [];
    const logger = createLogger("info", "test", { write: (line: string) => void lines.push(line) });
    logger.warn(
      {
        req: { headers: { authorization: "Bearer bí-mật-1", cookie: "loa_session=bí-mật-2" } },
        body: { username: "bientap", password: "bí-mật-3" },
        tokens: { accessToken: "bí-mật-4", refreshToken: "bí-mật-5" },
      },
      "a request went wrong",
    );
    const written = lines.join("");
    expect(written).toContain("a request went wrong");
    expect(written).toContain("bientap");
    expect(written).not.toMatch(/bí-mật/);
  });
});
