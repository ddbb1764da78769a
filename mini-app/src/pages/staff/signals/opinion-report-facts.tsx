import type { Signal } from "@loa-phuong/shared";

const moodLabels: Record<string, string> = {
  positive: "Tích cực",
  neutral: "Bình thường",
  negative: "Tiêu cực",
  mixed: "Trái chiều",
};

/** A head's or collaborator's opinion report: the mood and topics they chose (the words are shown above). */
export function OpinionReportFacts({ signal }: { signal: Signal }) {
  if (signal.kind !== "opinion_report") return null;
  const { mood, topics } = signal.payload as { mood?: unknown; topics?: unknown };
  const topicList = Array.isArray(topics) ? topics.filter((t): t is string => typeof t === "string") : [];
  return (
    <p className="staff-row-meta">
      {typeof mood === "string" && <>Tình hình chung: {moodLabels[mood] ?? mood}</>}
      {topicList.length > 0 && <> · Chủ đề: {topicList.join(", ")}</>}
    </p>
  );
}
