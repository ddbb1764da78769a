import type { Poll } from "@loa-phuong/shared";
import { diffPollOptions, diffValues, isPollChanged } from "../../../utils/post-diff";
import { diffWords } from "../../../utils/word-diff";
import { DiffSection, DiffText } from "./diff-view";

const choiceLabel = (poll: Poll | null) =>
  poll === null ? "" : poll.multiple ? "Được chọn nhiều phương án" : "Chỉ chọn một phương án";

/**
 * "Khảo sát": the question, single or multiple choice, and every option, as residents will answer
 * them; each compared with the approved version.
 */
export function PollDiff({ before, after }: { before: Poll | null; after: Poll | null }) {
  const change =
    before === null && after === null
      ? null
      : before === null
        ? "added"
        : after === null
          ? "removed"
          : isPollChanged(before, after)
            ? "changed"
            : "same";
  const options = diffPollOptions(before?.options ?? [], after?.options ?? []);
  return (
    <DiffSection label="Khảo sát" change={change}>
      <dl className="diff-poll">
        <div>
          <dt>Câu hỏi</dt>
          <dd>
            <DiffText parts={diffWords(before?.question ?? "", after?.question ?? "")} />
          </dd>
        </div>
        <div>
          <dt>Cách chọn</dt>
          <dd>
            <DiffText parts={diffValues(choiceLabel(before), choiceLabel(after))} isValue />
          </dd>
        </div>
      </dl>
      <h3 className="diff-sublabel" id="diff-poll-options">
        Các phương án
      </h3>
      <ol className="diff-options" aria-labelledby="diff-poll-options">
        {options.map((option) => (
          <li key={option.id} className={`diff-option-${option.change}`}>
            <DiffText parts={option.parts} />
          </li>
        ))}
      </ol>
    </DiffSection>
  );
}
