import type { BrowserContext } from "playwright-core";
import { waitFor } from "../../e2e/support/wait-for.js";

/** A simulated Zalo user, as the simulator lists it (and the Mini App's persona picker shows it). */
export interface DemoPersona {
  name: string;
  idByApp: string;
  idByOa: string;
  residentialGroupName: string | null;
}

/** What the Mini App keeps in sessionStorage for a demo sign-in (mini-app/src/services/saved-session.ts). */
export interface SavedResidentSession {
  token: string;
  expiresAt: string;
  persona: DemoPersona;
}

const SAVED_SESSION_KEY = "loa-phuong.session";

/** The simulator's user by exact name, waiting while the demo registers its residents at start-up. */
export async function findPersona(simUrl: string, name: string): Promise<DemoPersona> {
  return waitFor(
    async () => {
      const res = await fetch(`${simUrl}/__sim/personas?q=${encodeURIComponent(name)}`);
      const body = (await res.json()) as {
        personas: (Omit<DemoPersona, "residentialGroupName"> & { tags?: string[] })[];
      };
      const found = body.personas.find((p) => p.name === name);
      return found
        ? {
            name: found.name,
            idByApp: found.idByApp,
            idByOa: found.idByOa,
            residentialGroupName: found.tags?.[0] ?? null,
          }
        : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: `${name} among the simulator's users` },
  );
}

/** Signs a persona in as the Mini App does outside Zalo: a Zalo token from the simulator, then POST /api/auth/zalo. */
export async function signInResident(
  origin: string,
  simUrl: string,
  persona: DemoPersona,
): Promise<SavedResidentSession> {
  const issued = await fetch(`${simUrl}/__sim/users/${persona.idByApp}/access-token`, { method: "POST" });
  const { accessToken } = (await issued.json()) as { accessToken: string };
  const res = await fetch(`${origin}/api/auth/zalo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accessToken }),
  });
  if (!res.ok) throw new Error(`sign-in of ${persona.name} failed: ${res.status} ${await res.text()}`);
  const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
  return { token, expiresAt, persona };
}

/** Puts the session where the Mini App restores it, before any of its scripts run: the persona picker is skipped. */
export async function seedResidentSession(
  context: BrowserContext,
  session: SavedResidentSession,
): Promise<void> {
  // A string, not a function: tsx's name-keeping helpers would not exist inside the page.
  const script =
    `try { sessionStorage.setItem(${JSON.stringify(SAVED_SESSION_KEY)}, ` +
    `${JSON.stringify(JSON.stringify(session))}); } catch {}`;
  await context.addInitScript({ content: script });
}

/** Signs staff in through the API; the cookie is then added to the browser context. */
export async function signInStaff(
  origin: string,
  context: BrowserContext,
  username: string,
  password = "loaphuong-demo",
): Promise<void> {
  const res = await fetch(`${origin}/api/auth/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`staff sign-in of ${username} failed: ${res.status}`);
  const cookie = res.headers.get("set-cookie") ?? "";
  const match = /^([^=]+)=([^;]*)/.exec(cookie);
  if (!match) throw new Error("staff sign-in set no cookie");
  await context.addCookies([{ name: match[1]!, value: match[2]!, url: origin }]);
}
