import type { ResidentialGroup, School } from "../../../services/staff-api";
import type { AudienceDraft } from "./audience-draft";
import { GroupPicker } from "./group-picker";
import { RolePicker } from "./role-picker";

/** Who receives the broadcast: a scope, optional roles, and an optional exclusion section. */
export function AudiencePicker(props: {
  groups: ResidentialGroup[];
  schools: School[];
  draft: AudienceDraft;
  onChange(draft: AudienceDraft): void;
}) {
  const { groups, schools, draft, onChange } = props;
  const excluded = draft.excludeGroupIds.length + draft.excludeRoles.length;
  return (
    <section aria-labelledby="audience-heading" className="staff-card">
      <h2 id="audience-heading" className="section-title section-title-first">
        Người nhận
      </h2>
      <fieldset className="picker">
        <legend>Phạm vi</legend>
        <div className="radio-row">
          <input
            id="scope-ward"
            type="radio"
            name="audience-scope"
            checked={draft.scope === "ward"}
            onChange={() => onChange({ ...draft, scope: "ward" })}
          />
          <label htmlFor="scope-ward">Cả phường</label>
        </div>
        <div className="radio-row">
          <input
            id="scope-groups"
            type="radio"
            name="audience-scope"
            checked={draft.scope === "groups"}
            onChange={() => onChange({ ...draft, scope: "groups" })}
          />
          <label htmlFor="scope-groups">Chọn tổ dân phố</label>
        </div>
      </fieldset>
      {draft.scope === "groups" && (
        <GroupPicker
          idPrefix="include-group"
          legend="Tổ dân phố nhận tin"
          searchLabel="Tìm tổ dân phố"
          groups={groups}
          selected={draft.groupIds}
          onChange={(groupIds) => onChange({ ...draft, groupIds })}
        />
      )}
      <RolePicker
        idPrefix="include-role"
        legend="Chỉ gửi cho vai trò (không bắt buộc)"
        hint={
          "Không chọn vai trò nào: gửi mọi người dân trong phạm vi. " +
          "Chọn nhiều: gửi người có ít nhất một vai trò đã chọn."
        }
        schools={schools}
        picks={draft.roles}
        onChange={(roles) => onChange({ ...draft, roles })}
      />
      <details className="picker-details" open={excluded > 0 ? true : undefined}>
        <summary>Loại trừ (không bắt buộc){excluded > 0 ? ` · đang loại trừ ${excluded} mục` : ""}</summary>
        <GroupPicker
          idPrefix="exclude-group"
          legend="Tổ dân phố loại trừ"
          searchLabel="Tìm tổ dân phố cần loại trừ"
          groups={groups}
          selected={draft.excludeGroupIds}
          onChange={(excludeGroupIds) => onChange({ ...draft, excludeGroupIds })}
        />
        <RolePicker
          idPrefix="exclude-role"
          legend="Vai trò loại trừ"
          hint="Người có một trong các vai trò này sẽ không nhận tin."
          schools={schools}
          picks={draft.excludeRoles}
          onChange={(excludeRoles) => onChange({ ...draft, excludeRoles })}
        />
      </details>
    </section>
  );
}
