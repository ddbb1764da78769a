// Messages in, one answer per message out, in order: what `npm run rumours:match` runs over stdin and
// stdout. A line is a message {"id", "text"}; a blank line is no message; a line that is not a message
// still gets its answer ("-"), so the answers stay in step with the messages.
import type { ClaimIndex } from "./claim-index.js";
import { DEFAULT_MATCH_OPTIONS, type MatchOptions, type MatchResult, matchMessage } from "./match.js";

export interface StreamedMessage {
  /** The message's id, or its line number when it has none. */
  id: string;
  /** The 1-based line it was read from. */
  line: number;
  /** Null when the line was not a message. */
  result: MatchResult | null;
}

function readMessage(line: string): { id: unknown; text: string } | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null) return null;
    const { id, text } = value as { id?: unknown; text?: unknown };
    return typeof text === "string" ? { id, text } : null;
  } catch {
    return null;
  }
}

/** Matches each message line as it arrives, and hands each answer on before reading the next line. */
export async function matchStream(
  index: ClaimIndex,
  lines: AsyncIterable<string> | Iterable<string>,
  answer: (message: StreamedMessage) => void | Promise<void>,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): Promise<number> {
  let count = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    count++;
    const message = readMessage(line);
    const id = message?.id === undefined || message.id === null ? String(lineNumber) : String(message.id);
    await answer({
      id,
      line: lineNumber,
      result: message ? matchMessage(index, message.text, options) : null,
    });
  }
  return count;
}
