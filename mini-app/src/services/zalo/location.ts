import { isInsideZalo } from "./environment";

/**
 * The resident's position for a report. Inside Zalo, getLocation() only returns a token the server
 * would have to exchange, so the app offers a text description there; a browser may share coordinates.
 */
export function canShareCoordinates(): boolean {
  return !isInsideZalo() && typeof navigator !== "undefined" && "geolocation" in navigator;
}

export function currentCoordinates(): Promise<{ latitude: number; longitude: number }> {
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      (error) =>
        reject(
          new Error(
            error.code === error.PERMISSION_DENIED
              ? "Bạn chưa cho phép lấy vị trí. Bạn vẫn có thể mô tả vị trí bằng lời."
              : "Không lấy được vị trí hiện tại. Bạn vẫn có thể mô tả vị trí bằng lời.",
          ),
        ),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
