import type { Poll } from "@loa-phuong/shared";
import { type DiffPart, diffWords } from "./word-diff";

/**
 * How one field of a post moved from the last approved version to the one under review. A field
 * empty in both has no change at all (null): the approver is told nothing about it.
 */
export type FieldChange = "same" | "changed" | "added" | "removed";

export function fieldChange(before: string, after: string): FieldChange | null {
  if (before === "" && after === "") return null;
  if (before === after) return "same";
  if (before === "") return "added";
  if (after === "") return "removed";
  return "changed";
}

/** A short value (a kind, yes or no) is replaced whole: a word diff of "Khẩn" and "Không khẩn" misleads. */
export function diffValues(before: string, after: string): DiffPart[] {
  if (before === after) return before === "" ? [] : [{ type: "same", text: before }];
  return [
    ...(before === "" ? [] : [{ type: "removed" as const, text: before }]),
    ...(after === "" ? [] : [{ type: "added" as const, text: after }]),
  ];
}

export interface OptionDiff {
  id: string;
  change: FieldChange;
  parts: DiffPart[];
}

/**
 * A poll's options matched by their ids (an option keeps its id through edits, and the answers
 * already given refer to it): a relabelled option is a word diff of its label, a new one is added,
 * a dropped one removed. In the order residents will see them, the dropped ones after.
 */
export function diffPollOptions(before: Poll["options"], after: Poll["options"]): OptionDiff[] {
  const old = new Map(before.map((option) => [option.id, option.label]));
  const kept = new Set(after.map((option) => option.id));
  return [
    ...after.map((option): OptionDiff => {
      const previous = old.get(option.id) ?? "";
      return {
        id: option.id,
        change: fieldChange(previous, option.label) ?? "same",
        parts: diffWords(previous, option.label),
      };
    }),
    ...before
      .filter((option) => !kept.has(option.id))
      .map(
        (option): OptionDiff => ({ id: option.id, change: "removed", parts: diffWords(option.label, "") }),
      ),
  ];
}

/** Whether anything of a poll changed: question, single or multiple choice, options or their order. */
export function isPollChanged(before: Poll | null, after: Poll | null): boolean {
  // Field by field: the store's jsonb does not keep the order of keys.
  const key = (poll: Poll | null) =>
    poll && [poll.question, poll.multiple, ...poll.options.flatMap((option) => [option.id, option.label])];
  return JSON.stringify(key(before)) !== JSON.stringify(key(after));
}
