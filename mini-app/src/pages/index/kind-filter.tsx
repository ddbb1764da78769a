import type { PostKind } from "@loa-phuong/shared";
import { postKindLabels, postKinds } from "../../utils/post-kind";

/**
 * Filter chips. Plain toggle buttons rather than zmp-ui Tabs, whose tabs cannot be chosen with the
 * keyboard and do not report which one is selected.
 */
export function KindFilter({ value, onChange }: { value: PostKind | null; onChange(kind: PostKind | null): void }) {
  const options: { kind: PostKind | null; label: string }[] = [
    { kind: null, label: "Tất cả" },
    ...postKinds.map((kind) => ({ kind, label: postKindLabels[kind] })),
  ];
  return (
    <div className="kind-filter" role="group" aria-label="Lọc theo loại bài">
      {options.map((option) => (
        <button
          key={option.kind ?? "all"}
          type="button"
          className="chip"
          aria-pressed={value === option.kind}
          onClick={() => onChange(option.kind)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
