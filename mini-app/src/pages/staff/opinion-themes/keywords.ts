/**
 * What staff typed in a keywords box, as the list the API takes: one keyword or phrase a line or
 * separated by commas, each trimmed, empty ones dropped, the same word given twice (in any case) kept once.
 */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const part of text.split(/[\n,]/)) {
    const keyword = part.trim();
    const key = keyword.normalize("NFC").toLowerCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  return keywords;
}

/** A theme's keywords in the box that edits them: one a line. */
export function keywordsText(keywords: readonly string[]): string {
  return keywords.join("\n");
}
