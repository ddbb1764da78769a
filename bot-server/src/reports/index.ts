export * from "./report-content.js";
export { reportFiguresCsv } from "./report-csv.js";
export { buildReportDocx, REPORT_FONT, REPORT_PAGE } from "./report-docx.js";
export { type ReportFigures, readReportFigures } from "./report-figures.js";
export { type ReportOptions, reportContentFor } from "./report-from-store.js";
export { writeSampleReport } from "./sample-report.js";
