import { stripDiacritics } from "@loa-phuong/shared/client";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import { fetchResidentialGroups } from "../../../services/staff-api";
import {
  appointCollaborator,
  type CollaboratorCandidate,
  fetchCollaboratorCandidates,
} from "../../../services/staff-collaborators-api";
import { useStaff } from "../../../state/staff-session";
import { residentialGroupLabel } from "../../../utils/text";

/** Appointing: choose a residential group, find a confirmed member by name, appoint them. */
export function AppointForm({ onAppointed }: { onAppointed(message: string): void }) {
  const { withStaffToken } = useStaff();
  const ids = { group: useId(), name: useId() };
  const [groupId, setGroupId] = useState("");
  const [name, setName] = useState("");
  const groups = useResource("staff-groups", (signal) =>
    withStaffToken((token) => fetchResidentialGroups(token, signal)),
  );

  return (
    <section className="staff-card" aria-labelledby={`${ids.group}-title`}>
      <h2 id={`${ids.group}-title`} className="card-title">
        Cử cộng tác viên
      </h2>
      <label htmlFor={ids.group}>Tổ dân phố</label>
      <select id={ids.group} value={groupId} onChange={(event) => setGroupId(event.target.value)}>
        <option value="">(Chọn tổ)</option>
        {groups.status === "ready" &&
          groups.data.items.map((group) => (
            <option key={group.id} value={group.id}>
              {residentialGroupLabel(group.name)}
            </option>
          ))}
      </select>
      {groups.status === "failed" && <ErrorView message={groups.message} onRetry={groups.reload} />}
      {groupId && (
        <>
          <label htmlFor={ids.name}>Tìm theo tên</label>
          <input id={ids.name} value={name} onChange={(event) => setName(event.target.value)} />
          <Members groupId={groupId} name={name} onAppointed={onAppointed} />
        </>
      )}
    </section>
  );
}

function Members({
  groupId,
  name,
  onAppointed,
}: {
  groupId: string;
  name: string;
  onAppointed(message: string): void;
}) {
  const { withStaffToken } = useStaff();
  const members = useResource(`staff-collaborator-candidates-${groupId}`, (signal) =>
    withStaffToken((token) => fetchCollaboratorCandidates(token, groupId, signal)),
  );
  if (members.status === "loading") return <LoadingView label="Đang tải thành viên của tổ…" />;
  if (members.status === "failed") return <ErrorView message={members.message} onRetry={members.reload} />;
  // Residents type names with or without diacritics; staff search either way.
  const wanted = stripDiacritics(name.trim().toLowerCase());
  const shown = members.data.items.filter((m) => stripDiacritics(m.fullName.toLowerCase()).includes(wanted));
  if (shown.length === 0)
    return (
      <EmptyView>{name.trim() ? "Không có thành viên nào tên như vậy." : "Tổ chưa có thành viên."}</EmptyView>
    );
  return (
    <ul className="plain-list" aria-label="Thành viên của tổ">
      {shown.slice(0, 50).map((member) => (
        <li key={member.residentId}>
          <Candidate
            member={member}
            onAppointed={(message) => {
              members.reload();
              onAppointed(message);
            }}
          />
        </li>
      ))}
    </ul>
  );
}

function Candidate({
  member,
  onAppointed,
}: {
  member: CollaboratorCandidate;
  onAppointed(message: string): void;
}) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không cử được, vui lòng thử lại.");
  return (
    <div className="candidate-row">
      <span>
        {member.fullName}
        {member.isGroupHead && " (tổ trưởng)"}
      </span>
      {member.isCollaborator ? (
        <span className="muted-inline">Đã là cộng tác viên</span>
      ) : (
        <Button
          size="small"
          loading={isBusy}
          disabled={isBusy}
          aria-label={`Cử ${member.fullName} làm cộng tác viên`}
          onClick={() =>
            void run(async () => {
              await withStaffToken((token) => appointCollaborator(token, member.residentId));
              onAppointed(`Đã cử ${member.fullName} làm cộng tác viên dư luận xã hội.`);
            })
          }
        >
          Cử làm cộng tác viên
        </Button>
      )}
      <ActionError message={error} />
    </div>
  );
}
