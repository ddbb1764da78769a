/**
 * Rows of a CSV text (RFC 4180): fields separated by commas, a field in double quotes may hold commas,
 * line breaks and doubled quotes (`""`); rows end with LF or CRLF. A blank last line is not a row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === "") {
      const close = readQuoted(text, i + 1);
      field = close.value;
      i = close.next;
      continue;
    }
    if (char === ",") endField();
    else if (char === "\n") endRow();
    else if (char === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else field += char;
    i++;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

function readQuoted(text: string, from: number): { value: string; next: number } {
  let value = "";
  let i = from;
  while (i < text.length) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new Error(`unclosed quoted field starting at character ${from - 1}`);
    value += text.slice(i, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      i = quote + 2;
      continue;
    }
    return { value, next: quote + 1 };
  }
  throw new Error(`unclosed quoted field starting at character ${from - 1}`);
}
