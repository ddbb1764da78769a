import type { UnitKind } from "@loa-phuong/shared";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { DateField } from "../../../components/staff/date-field";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import { fetchResidentialGroups } from "../../../services/staff-api";
import { fetchCollaboratorCandidates } from "../../../services/staff-collaborators-api";
import { addUnitMember, createTask, createUnit, type TaskBoard } from "../../../services/staff-tasks-api";
import { useStaff } from "../../../state/staff-session";
import { residentialGroupLabel } from "../../../utils/text";

export const unitKindLabels: Record<UnitKind, string> = {
  office: "Cơ quan, bộ phận",
  school: "Trường học",
  residential_group: "Tổ dân phố",
  organisation: "Mặt trận, đoàn thể",
  other: "Khác",
};

/** Editors: a new unit, a resident who reports for a unit, a task with its deadline. */
export function SetUpForms(props: {
  campaignId: string;
  board: TaskBoard;
  onChanged(message: string): void;
}) {
  return (
    <section aria-labelledby="set-up-heading">
      <h2 id="set-up-heading" className="section-title">
        Giao việc
      </h2>
      <UnitForm {...props} />
      {props.board.units.length > 0 && <TaskForm {...props} />}
      {props.board.units.length > 0 && <MemberForm {...props} />}
    </section>
  );
}

function UnitForm({ campaignId, onChanged }: { campaignId: string; onChanged(message: string): void }) {
  const { withStaffToken } = useStaff();
  const ids = { name: useId(), kind: useId() };
  const [name, setName] = useState("");
  const [kind, setKind] = useState<UnitKind>("school");
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không thêm được đơn vị, vui lòng thử lại.");
  const submit = () => {
    const missing = name.trim() ? null : "Hãy ghi tên đơn vị.";
    setProblem(missing);
    if (missing) return;
    void run(async () => {
      await withStaffToken((token) => createUnit(token, campaignId, { name: name.trim(), kind }));
      onChanged(`Đã thêm đơn vị ${name.trim()}.`);
      setName("");
    });
  };
  return (
    <form
      className="staff-card claim-form"
      aria-label="Thêm đơn vị thực hiện"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={ids.name}>Tên đơn vị</label>
      <input id={ids.name} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={ids.kind}>Loại đơn vị</label>
      <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as UnitKind)}>
        {Object.entries(unitKindLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <ActionError message={problem ?? error} />
      <Button htmlType="submit" size="small" loading={isBusy} disabled={isBusy}>
        Thêm đơn vị
      </Button>
    </form>
  );
}

function TaskForm({ board, onChanged }: { board: TaskBoard; onChanged(message: string): void }) {
  const { withStaffToken } = useStaff();
  const ids = { unit: useId(), title: useId() };
  const [unitId, setUnitId] = useState(board.units[0]!.id);
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không giao được nhiệm vụ, vui lòng thử lại.");
  const submit = () => {
    const missing = !title.trim()
      ? "Hãy ghi nhiệm vụ."
      : !due
        ? "Hãy nhập hạn hoàn thành (dd/mm/yyyy)."
        : null;
    setProblem(missing);
    if (missing) return;
    void run(async () => {
      await withStaffToken((token) => createTask(token, { unitId, title: title.trim(), due }));
      onChanged(`Đã giao nhiệm vụ: ${title.trim()}.`);
      setTitle("");
    });
  };
  return (
    <form
      className="staff-card claim-form"
      aria-label="Giao nhiệm vụ"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={ids.unit}>Đơn vị</label>
      <select id={ids.unit} value={unitId} onChange={(event) => setUnitId(event.target.value)}>
        {board.units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.title}>Nhiệm vụ</label>
      <textarea
        id={ids.title}
        rows={2}
        value={title}
        maxLength={500}
        onChange={(e) => setTitle(e.target.value)}
      />
      <DateField label="Hạn hoàn thành" value={due} onChange={setDue} />
      <ActionError message={problem ?? error} />
      <Button htmlType="submit" size="small" loading={isBusy} disabled={isBusy}>
        Giao nhiệm vụ
      </Button>
    </form>
  );
}

function MemberForm({ board, onChanged }: { board: TaskBoard; onChanged(message: string): void }) {
  const { withStaffToken } = useStaff();
  const ids = { unit: useId(), group: useId(), member: useId() };
  const [unitId, setUnitId] = useState(board.units[0]!.id);
  const [groupId, setGroupId] = useState("");
  const [residentId, setResidentId] = useState("");
  const { isBusy, error, run } = useAction("Không thêm được người báo cáo, vui lòng thử lại.");
  const groups = useResource("staff-groups", (signal) =>
    withStaffToken((token) => fetchResidentialGroups(token, signal)),
  );
  const members = useResource(`staff-unit-candidates-${groupId}`, (signal) =>
    groupId
      ? withStaffToken((token) => fetchCollaboratorCandidates(token, groupId, signal))
      : Promise.resolve({ items: [] }),
  );
  return (
    <form
      className="staff-card claim-form"
      aria-label="Thêm người báo cáo cho đơn vị"
      onSubmit={(event) => {
        event.preventDefault();
        if (!residentId) return;
        void run(async () => {
          await withStaffToken((token) => addUnitMember(token, unitId, residentId));
          onChanged("Đã thêm người báo cáo cho đơn vị.");
        });
      }}
    >
      <label htmlFor={ids.unit}>Đơn vị</label>
      <select id={ids.unit} value={unitId} onChange={(event) => setUnitId(event.target.value)}>
        {board.units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.group}>Tổ dân phố của người báo cáo</label>
      <select id={ids.group} value={groupId} onChange={(event) => setGroupId(event.target.value)}>
        <option value="">(Chọn tổ)</option>
        {groups.status === "ready" &&
          groups.data.items.map((group) => (
            <option key={group.id} value={group.id}>
              {residentialGroupLabel(group.name)}
            </option>
          ))}
      </select>
      <label htmlFor={ids.member}>Người báo cáo</label>
      <select id={ids.member} value={residentId} onChange={(event) => setResidentId(event.target.value)}>
        <option value="">(Chọn người)</option>
        {members.status === "ready" &&
          members.data.items.map((m) => (
            <option key={m.residentId} value={m.residentId}>
              {m.fullName}
            </option>
          ))}
      </select>
      <ActionError message={error} />
      <Button htmlType="submit" size="small" loading={isBusy} disabled={isBusy || !residentId}>
        Thêm người báo cáo
      </Button>
    </form>
  );
}
