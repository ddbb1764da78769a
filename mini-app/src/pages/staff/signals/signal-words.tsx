import type { Signal } from "@loa-phuong/shared";
import { useState } from "react";
import { Button } from "zmp-ui";

/**
 * What the resident wrote. Words the models (or staff) found offensive or hateful are blurred until
 * the officer chooses to read them: nobody reading the inbox over a shoulder is shown them unasked.
 */
export function SignalWords({ signal }: { signal: Signal }) {
  const [isRevealed, setRevealed] = useState(false);
  if (!signal.text) return <p className="muted">(Không có nội dung chữ)</p>;
  const toxicity = signal.labels?.toxicity;
  const isHidden = (toxicity === "offensive" || toxicity === "hate") && !isRevealed;
  if (!isHidden) return <p className="signal-text">{signal.text}</p>;
  return (
    <div className="signal-hidden">
      <p className="signal-text signal-text-blurred" aria-hidden="true">
        {signal.text}
      </p>
      <p className="staff-row-meta">
        Nội dung có thể có lời lẽ {toxicity === "hate" ? "thù ghét" : "xúc phạm"}, đã được làm mờ.{" "}
        <Button variant="tertiary" size="small" onClick={() => setRevealed(true)}>
          Xem nội dung
        </Button>
      </p>
    </div>
  );
}
