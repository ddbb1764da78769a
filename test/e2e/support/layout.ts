import type { Page } from "playwright-core";

/**
 * What spills sideways on the screen as it is now: an element whose content is wider than its box
 * (text cut, or running over its border), a box reaching past the screen's edges, or words touching
 * the border of their box ("Thêm ảnh"). Rows meant to be swiped sideways, text fields (their text
 * scrolls inside) and hidden or visually hidden text are left out.
 */
export function slipsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const found: string[] = [];
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const classes = [...el.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join("");
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `${el.tagName.toLowerCase()}${id}${classes} “${text}”`;
    };
    const isSidewaysScroller = (style: CSSStyleDeclaration) =>
      (style.overflowX === "auto" || style.overflowX === "scroll") &&
      (style.whiteSpace === "nowrap" || (style.display.endsWith("flex") && style.flexWrap === "nowrap"));
    /** Where an element's visible words reach, left and right. */
    const wordsOf = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let left = Number.POSITIVE_INFINITY;
      let right = Number.NEGATIVE_INFINITY;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent?.trim() || !parent || ["TEXTAREA", "SELECT", "OPTION"].includes(parent.tagName))
          continue;
        if (parent.getBoundingClientRect().width <= 1 || getComputedStyle(parent).visibility === "hidden")
          continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          left = Math.min(left, rect.left);
          right = Math.max(right, rect.right);
        }
      }
      return left <= right ? { left, right } : null;
    };
    const skipped = new Set<Element>();
    for (const el of document.querySelectorAll("body *")) {
      if (el.parentElement && skipped.has(el.parentElement)) {
        skipped.add(el);
        continue;
      }
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const isHidden =
        style.display === "none" ||
        style.visibility === "hidden" ||
        (box.width <= 1 && box.height <= 1) ||
        el.closest("[aria-hidden='true']") !== null;
      if (isHidden || isSidewaysScroller(style)) {
        skipped.add(el);
        continue;
      }
      if (["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)) continue;
      if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${describe(el)}: content ${el.scrollWidth}px in a ${el.clientWidth}px box`);
        continue;
      }
      if (box.right > viewport + 1 || box.left < -1) {
        found.push(
          `${describe(el)}: ${Math.round(box.left)}–${Math.round(box.right)}px, screen ${viewport}px`,
        );
        continue;
      }
      const borderLeft = style.borderLeftStyle === "none" ? 0 : Number.parseFloat(style.borderLeftWidth);
      const borderRight = style.borderRightStyle === "none" ? 0 : Number.parseFloat(style.borderRightWidth);
      if (borderLeft === 0 && borderRight === 0) continue;
      const words = wordsOf(el);
      if (words && (words.left < box.left + borderLeft + 2 || words.right > box.right - borderRight - 2))
        found.push(`${describe(el)}: its words touch its border`);
    }
    return found;
  });
}
