// The ward's opinion themes in what residents write: each theme's keywords (staff write them, with or
// without diacritics) found at word boundaries, several themes per text, and what staff labels taught.
import { type AnalyzedText, analyzeVietnamese } from "@loa-phuong/shared";
import { PhraseSet } from "./phrases.js";
import type { StaffLessons } from "./staff-lessons.js";

/** Recorded in label_sources.themes; "+staff-N" when N staff-labelled texts taught it. */
export const THEMES_VERSION = "themes-keywords-1";

/** Learned cues of one theme a text must hold to get it without a keyword: one word alone may mislead. */
export const LEARNED_CUES_FOR_THEME = 2;

export interface ThemeKeywords {
  id: string;
  keywords: readonly string[];
}

export class ThemeMatcher {
  private readonly phrases: PhraseSet;
  /** Per phrase, the theme it belongs to. */
  private readonly themeOf: string[];
  private readonly order: Map<string, number>;

  constructor(
    private readonly themes: readonly ThemeKeywords[],
    private readonly lessons?: StaffLessons,
  ) {
    const phrases: string[] = [];
    this.themeOf = [];
    for (const theme of themes)
      for (const keyword of theme.keywords) {
        if (keyword.trim() === "") continue;
        phrases.push(keyword);
        this.themeOf.push(theme.id);
      }
    this.phrases = new PhraseSet(phrases);
    this.order = new Map(themes.map((t, i) => [t.id, i]));
  }

  /**
   * The ids of the themes the text is about, in the themes' order. A text nearly the same as one staff
   * labelled takes the staff's themes (none, if they removed them all); otherwise a keyword finds a
   * theme, and so do two words staff labels taught for it.
   */
  match(input: string | AnalyzedText): string[] {
    const text = typeof input === "string" ? analyzeVietnamese(input) : input;
    const repeated = this.lessons?.nearest(text);
    if (repeated) return this.ordered(repeated.filter((id) => this.order.has(id)));
    const found = new Set(this.phrases.find(text).map((index) => this.themeOf[index]!));
    for (const [id, count] of this.lessons?.cues(text) ?? [])
      if (count >= LEARNED_CUES_FOR_THEME && this.order.has(id)) found.add(id);
    return this.ordered([...found]);
  }

  private ordered(ids: string[]): string[] {
    return ids.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  get size(): number {
    return this.themes.length;
  }
}
