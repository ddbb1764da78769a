import { fieldChange } from "../../../utils/post-diff";
import { diffWords } from "../../../utils/word-diff";
import { DiffSection, DiffText } from "./diff-view";

/** "Ảnh minh hoạ": the picture residents will see (and the approved one it replaces), with its address. */
export function ImageDiff({ before, after }: { before: string; after: string }) {
  const change = fieldChange(before, after);
  const isReplaced = change === "changed" || change === "removed";
  return (
    <DiffSection label="Ảnh minh hoạ" change={change}>
      <div className="diff-images">
        {isReplaced && (
          <figure className="diff-image diff-image-removed">
            <img src={before} alt="Ảnh đã duyệt trước đây" loading="lazy" />
            <figcaption>Ảnh đã duyệt (bỏ)</figcaption>
          </figure>
        )}
        {after !== "" && (
          <figure className={change === "same" ? "diff-image" : "diff-image diff-image-added"}>
            <img src={after} alt="Ảnh sẽ gửi" loading="lazy" />
            <figcaption>{change === "same" ? "Ảnh sẽ gửi" : "Ảnh sẽ gửi (mới)"}</figcaption>
          </figure>
        )}
      </div>
      <DiffText parts={diffWords(before, after)} />
    </DiffSection>
  );
}
