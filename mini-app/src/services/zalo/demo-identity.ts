/**
 * Demo identity provider: outside Zalo, with LOA_CONFIG.demo set, a desktop browser picks one of
 * the Zalo simulator's users and gets a Zalo-style access token for it. The ward server then
 * verifies that token exactly as it would a real one.
 */

export interface Persona {
  /** The user's id for this Zalo App (what getUserInfo().id returns inside Zalo). */
  idByApp: string;
  /** The user's id for the ward's Official Account. */
  idByOa: string;
  name: string;
  residentialGroupName: string | null;
}

const unreachable = "Không kết nối được trình giả lập Zalo. Vui lòng kiểm tra rằng nó đang chạy rồi thử lại.";

async function callSimulator(simulatorUrl: string, path: string, method: "GET" | "POST"): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(simulatorUrl.replace(/\/+$/, "") + path, { method });
  } catch {
    throw new Error(unreachable);
  }
  if (!response.ok) throw new Error(`Trình giả lập Zalo trả lỗi ${response.status}.`);
  return response.json();
}

function toPersona(raw: unknown): Persona | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { idByApp, idByOa, name, residentialGroupName, tags } = raw as Record<string, unknown>;
  // The simulator carries the group as the user's first OA tag (as a ward would tag followers by group).
  const tagged = Array.isArray(tags) && typeof tags[0] === "string" ? tags[0] : null;
  if (typeof idByApp !== "string" || typeof idByOa !== "string" || typeof name !== "string") return null;
  return {
    idByApp,
    idByOa,
    name,
    residentialGroupName: typeof residentialGroupName === "string" ? residentialGroupName : tagged,
  };
}

/** Accepts `{ personas: [...] }` or a bare array; entries without ids or a name are skipped. */
export async function fetchPersonas(simulatorUrl: string): Promise<Persona[]> {
  // The simulator returns 200 personas unless asked; a ward's demo data can hold more.
  const body = await callSimulator(simulatorUrl, "/__sim/personas?limit=1000", "GET");
  const list = Array.isArray(body) ? body : (body as { personas?: unknown } | null)?.personas;
  if (!Array.isArray(list)) throw new Error("Trình giả lập Zalo trả danh sách người dùng không hợp lệ.");
  return list.map(toPersona).filter((p): p is Persona => p !== null);
}

/** A simulated Zalo user access token for the persona: the demo's getAccessToken(). */
export async function issueDemoAccessToken(simulatorUrl: string, idByApp: string): Promise<string> {
  const body = await callSimulator(
    simulatorUrl,
    `/__sim/users/${encodeURIComponent(idByApp)}/access-token`,
    "POST",
  );
  const token = (body as { accessToken?: unknown } | null)?.accessToken;
  if (typeof token !== "string" || token === "") throw new Error("Trình giả lập Zalo không cấp mã truy cập.");
  return token;
}

/** The demo's followOA(): the simulator records the follow and sends the ward server Zalo's follow webhook. */
export async function followOAAsPersona(simulatorUrl: string, idByOa: string): Promise<void> {
  await callSimulator(simulatorUrl, `/__sim/users/${encodeURIComponent(idByOa)}/follow`, "POST");
}

/** A simulator control whose answer carries nothing the app needs (it may be empty). */
async function tellSimulator(simulatorUrl: string, path: string, body?: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(simulatorUrl.replace(/\/+$/, "") + path, {
      method: "POST",
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new Error(unreachable);
  }
  if (!response.ok) throw new Error(`Trình giả lập Zalo trả lỗi ${response.status}.`);
}

/** The demo's interactOA(): the simulator records the persona's interaction with the ward's OA. */
export async function interactOAAsPersona(simulatorUrl: string, idByApp: string): Promise<void> {
  await tellSimulator(simulatorUrl, `/__sim/users/${encodeURIComponent(idByApp)}/interact-oa`);
}

/** The demo's requestSendNotification() and its turning off: the simulator records the persona's choice. */
export async function allowNotificationsAsPersona(
  simulatorUrl: string,
  idByApp: string,
  allowed: boolean,
): Promise<void> {
  await tellSimulator(simulatorUrl, `/__sim/users/${encodeURIComponent(idByApp)}/allow-notifications`, {
    allowed,
  });
}

/**
 * The demo's getPhoneNumber(): the simulator issues the single-use phone token Zalo would. A
 * simulated user without a number answers 409, which the resident is told in plain words.
 */
export async function issueDemoPhoneToken(simulatorUrl: string, idByApp: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(
      `${simulatorUrl.replace(/\/+$/, "")}/__sim/users/${encodeURIComponent(idByApp)}/phone-token`,
      { method: "POST" },
    );
  } catch {
    throw new Error(unreachable);
  }
  if (response.status === 409)
    throw new Error("Tài khoản Zalo này chưa có số điện thoại nên không chia sẻ được.");
  if (!response.ok) throw new Error(`Trình giả lập Zalo trả lỗi ${response.status}.`);
  const token = ((await response.json()) as { token?: unknown } | null)?.token;
  if (typeof token !== "string" || token === "")
    throw new Error("Trình giả lập Zalo không cấp mã số điện thoại.");
  return token;
}
