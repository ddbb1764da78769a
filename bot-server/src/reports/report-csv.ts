import { figureTablesOf, type ReportContent } from "./report-content.js";

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report's figures as CSV (UTF-8 with a BOM, so Excel reads the Vietnamese): one line per cell of
 * every table, "Bảng,Dòng,Cột,Giá trị", numbers unformatted so a spreadsheet sums them.
 */
export function reportFiguresCsv(content: ReportContent): string {
  const lines = [["Bảng", "Dòng", "Cột", "Giá trị"].join(",")];
  for (const table of figureTablesOf(content)) {
    for (const row of table.rows) {
      const [label = "", ...values] = row;
      values.forEach((value, i) => {
        lines.push([table.id, label, table.columns[i + 1] ?? "", value].map(cell).join(","));
      });
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
