/** `--name value` pairs from the command line, with defaults. */
export function parseArgs<T extends Record<string, string | number>>(
  defaults: T,
  argv = process.argv.slice(2),
): T {
  const out: Record<string, string | number> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]?.replace(/^--/, "");
    const value = argv[i + 1];
    if (!key || value === undefined || !(key in defaults))
      throw new Error(`unknown or incomplete argument: ${argv[i]}`);
    out[key] = typeof defaults[key] === "number" ? Number(value) : value;
    if (Number.isNaN(out[key])) throw new Error(`--${key} must be a number`);
    i++;
  }
  return out as T;
}

/** Prints progress to stderr so stdout's last line stays the JSON result. */
export const log = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(" ")}\n`);
