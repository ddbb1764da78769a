import { type Logger, pino } from "pino";

/**
 * Secrets that must never reach a log line, wherever an error or a request puts them: session and
 * Zalo tokens, passwords, cookies.
 */
const redact = [
  "req.headers.authorization",
  "req.headers.cookie",
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.accessToken",
  "*.refreshToken",
  "*.access_token",
  "*.refresh_token",
  "*.token",
];

export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redact, censor: "[ẩn]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
