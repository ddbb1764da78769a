import { afterEach, describe, expect, it } from "vitest";
import { leaveZalo, openInsideZalo } from "../../testing/fake-zmp-sdk";
import { canShareCoordinates, currentCoordinates } from "./location";

/** The browser's geolocation as the resident answers its prompt (jsdom has none). */
function browserGeolocation(answer: { latitude: number; longitude: number } | { code: 1 | 2 | 3 }) {
  const geolocation: Pick<Geolocation, "getCurrentPosition"> = {
    getCurrentPosition(success, failure) {
      if ("code" in answer)
        failure?.({
          code: answer.code,
          message: "",
          PERMISSION_DENIED: 1,
          POSITION_UNAVAILABLE: 2,
          TIMEOUT: 3,
        });
      else success({ coords: answer, timestamp: Date.now() } as unknown as GeolocationPosition);
    },
  };
  Object.defineProperty(navigator, "geolocation", { value: geolocation, configurable: true });
}

afterEach(() => {
  leaveZalo();
  Reflect.deleteProperty(navigator, "geolocation");
});

describe("location", () => {
  it("offers coordinates only in a browser that has geolocation", () => {
    expect(canShareCoordinates()).toBe(false);
    browserGeolocation({ latitude: 20.86, longitude: 106.68 });
    expect(canShareCoordinates()).toBe(true);
    openInsideZalo();
    expect(canShareCoordinates()).toBe(false);
  });

  it("gives the current position", async () => {
    browserGeolocation({ latitude: 20.8587, longitude: 106.6822 });
    await expect(currentCoordinates()).resolves.toEqual({ latitude: 20.8587, longitude: 106.6822 });
  });

  it("says why there is no position, and that words will do", async () => {
    browserGeolocation({ code: 1 });
    await expect(currentCoordinates()).rejects.toThrow(
      "Bạn chưa cho phép lấy vị trí. Bạn vẫn có thể mô tả vị trí bằng lời.",
    );
    // No signal, or too slow.
    browserGeolocation({ code: 3 });
    await expect(currentCoordinates()).rejects.toThrow(
      "Không lấy được vị trí hiện tại. Bạn vẫn có thể mô tả vị trí bằng lời.",
    );
  });
});
