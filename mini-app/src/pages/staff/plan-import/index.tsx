import { formatDate } from "@loa-phuong/shared/client";
import { useId, useState } from "react";
import { useNavigate } from "react-router-dom";
import { Button } from "zmp-ui";
import { DateField } from "../../../components/staff/date-field";
import { ActionError, StaffPage } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import {
  type CampaignDraft,
  createCampaign,
  extractPlan,
  type PlanExtraction,
} from "../../../services/staff-plans-api";
import { useStaff } from "../../../state/staff-session";
import { unitKindLabels } from "../tasks/set-up-forms";
import { draftFrom, markedPieces } from "./draft";

/**
 * Nhập kế hoạch: staff upload a plan (.docx, .htm, .pdf, .md, .txt); what was read is shown beside the
 * plan's text, each value marked where it came from; staff correct it and confirm it into a campaign
 * with its units and their tasks.
 */
export default function PlanImportPage() {
  const { withStaffToken } = useStaff();
  const navigate = useNavigate();
  const fileId = useId();
  const [read, setRead] = useState<PlanExtraction | null>(null);
  const [draft, setDraft] = useState<KeyedDraft | null>(null);
  const reading = useAction("Không đọc được tệp kế hoạch, vui lòng thử lại.");
  const saving = useAction("Không tạo được chiến dịch, vui lòng thử lại.", { keepBusyOnSuccess: true });

  const pick = (file: File | undefined) => {
    if (!file) return;
    void reading.run(async () => {
      const result = await withStaffToken((token) => extractPlan(token, file));
      setRead(result);
      const proposed = draftFrom(result);
      setDraft({ ...proposed, units: proposed.units.map((unit, key) => ({ ...unit, key })) });
    });
  };
  const set = (patch: Partial<KeyedDraft>) =>
    setDraft((current) => (current ? { ...current, ...patch } : current));

  return (
    <StaffPage title="Nhập kế hoạch">
      <h1 className="page-title">Nhập kế hoạch</h1>
      <p className="muted">
        Tải lên kế hoạch dạng .docx, .htm, .pdf (có lớp chữ), .md hoặc .txt. Phường đọc số, ngày, cơ quan ban
        hành, văn bản căn cứ, đơn vị và nhiệm vụ; cán bộ kiểm tra, sửa rồi xác nhận thành chiến dịch.
      </p>
      <label htmlFor={fileId}>Tệp kế hoạch</label>
      <input
        id={fileId}
        type="file"
        accept=".docx,.htm,.html,.pdf,.md,.txt"
        onChange={(event) => pick(event.target.files?.[0])}
      />
      {reading.isBusy && <p role="status">Đang đọc kế hoạch…</p>}
      <ActionError message={reading.error} />
      {read && draft && (
        <div className="plan-import">
          <section aria-labelledby="plan-read-heading" className="staff-card">
            <h2 id="plan-read-heading" className="section-title">
              Phường đọc được
            </h2>
            <p>
              {read.plan.type ?? "Văn bản"} số {read.plan.number ?? "(không ghi số)"} ·{" "}
              {read.plan.date ? formatDate(read.plan.date) : "(không rõ ngày)"} ·{" "}
              {read.plan.issuer ?? "(không rõ cơ quan)"}
            </p>
            <label htmlFor={`${fileId}-title`}>Tên chiến dịch</label>
            <textarea
              id={`${fileId}-title`}
              rows={2}
              value={draft.title}
              onChange={(event) => set({ title: event.target.value })}
            />
            <DateField label="Bắt đầu" value={draft.startsOn} onChange={(startsOn) => set({ startsOn })} />
            <DateField label="Kết thúc" value={draft.endsOn} onChange={(endsOn) => set({ endsOn })} />
            <h3 className="subsection-title">Văn bản căn cứ</h3>
            <ul className="plain-list" aria-label="Văn bản căn cứ">
              {draft.directives.map((d) => (
                <li key={d.number}>
                  {d.number}, {formatDate(d.date)}, {d.issuer}
                </li>
              ))}
            </ul>
            <h3 className="subsection-title">Đơn vị và nhiệm vụ</h3>
            <ul className="plain-list" aria-label="Đơn vị và nhiệm vụ">
              {draft.units.map((unit) => (
                <li key={unit.key}>
                  <UnitDraft
                    unit={unit}
                    onChange={(next) =>
                      set({ units: draft.units.map((u) => (u.key === unit.key ? next : u)) })
                    }
                    onRemove={() => set({ units: draft.units.filter((u) => u.key !== unit.key) })}
                  />
                </li>
              ))}
            </ul>
            <ActionError message={saving.error} />
            <Button
              loading={saving.isBusy}
              disabled={saving.isBusy}
              onClick={() =>
                void saving.run(async () => {
                  const units = draft.units.map(({ key: _key, ...unit }) => unit);
                  const created = await withStaffToken((token) => createCampaign(token, { ...draft, units }));
                  navigate(`/staff/tasks?campaign=${encodeURIComponent(created.id)}`);
                })
              }
            >
              Xác nhận thành chiến dịch
            </Button>
          </section>
          <section aria-labelledby="plan-text-heading" className="staff-card">
            <h2 id="plan-text-heading" className="section-title">
              Văn bản gốc
            </h2>
            <p className="muted">Phần được tô màu là nơi phường đọc ra các giá trị bên cạnh.</p>
            <pre className="plan-text">
              {markedPieces(read).map((piece) =>
                piece.marked ? (
                  <mark key={piece.start}>{piece.text}</mark>
                ) : (
                  <span key={piece.start}>{piece.text}</span>
                ),
              )}
            </pre>
          </section>
        </div>
      )}
    </StaffPage>
  );
}

type KeyedUnit = CampaignDraft["units"][number] & { key: number };
/** The draft as edited here: each unit with a key of its own, so editing its name keeps the field. */
type KeyedDraft = Omit<CampaignDraft, "units"> & { units: KeyedUnit[] };

function UnitDraft({
  unit,
  onChange,
  onRemove,
}: {
  unit: KeyedUnit;
  onChange(unit: KeyedUnit): void;
  onRemove(): void;
}) {
  const id = useId();
  return (
    <fieldset className="label-form">
      <legend>{unit.name}</legend>
      <label htmlFor={`${id}-name`}>Tên đơn vị</label>
      <input
        id={`${id}-name`}
        value={unit.name}
        onChange={(event) => onChange({ ...unit, name: event.target.value })}
      />
      <label htmlFor={`${id}-kind`}>Loại đơn vị</label>
      <select
        id={`${id}-kind`}
        value={unit.kind}
        onChange={(event) => onChange({ ...unit, kind: event.target.value as typeof unit.kind })}
      >
        {Object.entries(unitKindLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <ul className="plain-list">
        {unit.tasks.map((task) => (
          <li key={task.title}>
            {task.title}
            {task.due ? ` — hạn ${formatDate(task.due)}` : " — hạn: khi kết thúc chiến dịch"}
          </li>
        ))}
      </ul>
      <Button size="small" variant="tertiary" onClick={onRemove}>
        Bỏ đơn vị này
      </Button>
    </fieldset>
  );
}
