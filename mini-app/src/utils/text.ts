import { searchKey } from "@loa-phuong/shared/client";

/** "Tổ dân phố 5" whether the ward stored "Tổ dân phố 5", "TDP 5" or just "5". */
export function residentialGroupLabel(name: string): string {
  const key = searchKey(name);
  if (key.startsWith("to dan pho")) return name;
  return `Tổ dân phố ${name.replace(/^tdp\s*/i, "")}`;
}

/** The feed card's teaser: the summary, or the body cut at a word near 140 characters. */
export function excerpt(summary: string | null, body: string, max = 140): string {
  if (summary && summary.trim() !== "") return summary.trim();
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Paragraphs split at blank lines; single line breaks stay inside a paragraph (CSS pre-line). */
export function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}
