import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { AppError } from "../../errors/app-error.js";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origin this request was addressed to, as a browser on it would send in `Origin`. */
const ownOrigin = (req: Request) => `${req.protocol}://${req.get("host") ?? ""}`;

/**
 * Cross-site request forgery: a browser adds the staff cookie to a form another site (or another
 * port of this one) submits, so a state-changing request without a bearer token must come from this
 * origin or one allowed to call the API (the Mini App inside Zalo). `Origin` decides when the browser
 * sends it; otherwise `Sec-Fetch-Site` does. A request with neither is not from a browser page.
 */
export function rejectCrossSiteRequests(allowedOrigins: string[], publicBaseUrl: string): RequestHandler {
  const allowed = new Set([...allowedOrigins, new URL(publicBaseUrl).origin]);
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method) || req.headers.authorization) return next();
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    const fromElsewhere =
      origin !== undefined
        ? origin !== ownOrigin(req) && !allowed.has(origin)
        : site !== undefined && site !== "same-origin" && site !== "none";
    if (fromElsewhere) throw new AppError("forbidden", "Yêu cầu đến từ một trang khác, đã bị chặn.");
    next();
  };
}

const base = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
};

/** API answers: JSON nothing may render, frame or keep in a shared cache. */
export const apiHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    ...base,
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
  });
  next();
};

/** Pages of our own outside the Mini App (the API browser, Bull Board): never framed. */
export const pageHeaders: RequestHandler = (_req, res, next) => {
  res.set({ ...base, "x-frame-options": "DENY" });
  next();
};

/** The hash a CSP names to let one inline script run (the Mini App's runtime config). */
export const scriptHash = (script: string) =>
  `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

/**
 * The Mini App's pages. Staff screens are never framed; residents' screens may be opened inside
 * Zalo's own pages. Scripts are the bundle's and the one inline config script; images may come from
 * any https host (posts link them); calls go to this server, and in the demo to the simulator.
 */
export function miniAppHeaders(options: {
  staffPathPrefix: string;
  inlineScript: string;
  connectTo: string[];
}): RequestHandler {
  const common = [
    "default-src 'self'",
    `script-src 'self' ${scriptHash(options.inlineScript)}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self' ${options.connectTo.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  const staff = [...common, "frame-ancestors 'none'"].join("; ");
  const resident = [...common, "frame-ancestors 'self' https://*.zalo.me https://*.zdn.vn"].join("; ");
  return (req, res, next) => {
    const isStaff = req.path.startsWith(options.staffPathPrefix);
    res.set({ ...base, "content-security-policy": isStaff ? staff : resident });
    if (isStaff) res.set("x-frame-options", "DENY");
    next();
  };
}
