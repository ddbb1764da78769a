import { type FormEvent, useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { OutcomeMessage } from "../../components/outcome-message";
import { EmptyView } from "../../components/status-views";
import { useAction } from "../../hooks/use-action";
import { type OpinionMood, sendOpinionReport } from "../../services/head-api";
import { useSession } from "../../state/session";

const moods: { value: OpinionMood; label: string }[] = [
  { value: "positive", label: "Tích cực" },
  { value: "neutral", label: "Bình thường" },
  { value: "negative", label: "Tiêu cực" },
  { value: "mixed", label: "Trái chiều" },
];
const topics = ["Giáo dục", "An ninh trật tự", "Môi trường", "Y tế", "Hạ tầng", "Khác"];

/** "Báo cáo dư luận": the head's reading of the mood in the group, by topic, with a short summary. */
export default function OpinionReportPage() {
  const { session, withToken } = useSession();
  const [mood, setMood] = useState<OpinionMood | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [otherTopic, setOtherTopic] = useState("");
  const [summary, setSummary] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được báo cáo, vui lòng thử lại.");

  const toggle = (topic: string) =>
    setChosen((current) =>
      current.includes(topic) ? current.filter((t) => t !== topic) : [...current, topic],
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // "Khác" stands for the free text when there is one.
    const sent = chosen.flatMap((topic) =>
      topic === "Khác" && otherTopic.trim() ? [otherTopic.trim()] : [topic],
    );
    const missing = !mood
      ? "Hãy chọn tình hình dư luận chung."
      : sent.length === 0
        ? "Hãy chọn ít nhất một chủ đề."
        : summary.trim() === ""
          ? "Hãy tóm tắt tình hình."
          : null;
    setProblem(missing);
    if (missing) return;
    setNotice(null);
    void run(async () => {
      await withToken((token) =>
        sendOpinionReport(token, { mood: mood!, topics: sent, summary: summary.trim() }),
      );
      setMood(null);
      setChosen([]);
      setOtherTopic("");
      setSummary("");
      setNotice("Đã gửi báo cáo dư luận. Cảm ơn tổ trưởng!");
    });
  };

  return (
    <Page className="page">
      <AppHeader title="Báo cáo dư luận" showBack home="/head" />
      <main className="page-content">
        <h1 className="page-title">Báo cáo dư luận</h1>
        {!session.resident.isGroupHead ? (
          <EmptyView>Mục này dành cho tổ trưởng tổ dân phố.</EmptyView>
        ) : (
          <form className="card form-stack" onSubmit={submit} noValidate>
            <fieldset className="field">
              <legend>Tình hình dư luận chung</legend>
              <div className="chip-row">
                {moods.map((option) => (
                  <label key={option.value} className="choice choice-inline">
                    <input
                      type="radio"
                      name="mood"
                      checked={mood === option.value}
                      onChange={() => setMood(option.value)}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="field">
              <legend>Chủ đề bà con quan tâm</legend>
              <div className="chip-row">
                {topics.map((topic) => (
                  <button
                    key={topic}
                    type="button"
                    className="chip"
                    aria-pressed={chosen.includes(topic)}
                    onClick={() => toggle(topic)}
                  >
                    {topic}
                  </button>
                ))}
              </div>
              {chosen.includes("Khác") && (
                <div className="field nested-field">
                  <label htmlFor="opinion-other">Chủ đề khác</label>
                  <input
                    id="opinion-other"
                    maxLength={80}
                    value={otherTopic}
                    onChange={(event) => setOtherTopic(event.target.value)}
                  />
                </div>
              )}
            </fieldset>
            <div className="field">
              <label htmlFor="opinion-summary">Tóm tắt tình hình</label>
              <textarea
                id="opinion-summary"
                rows={5}
                maxLength={3000}
                value={summary}
                onChange={(event) => setSummary(event.target.value)}
              />
            </div>
            <OutcomeMessage error={problem ?? error} notice={notice} />
            <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
              Gửi báo cáo
            </Button>
          </form>
        )}
      </main>
    </Page>
  );
}
