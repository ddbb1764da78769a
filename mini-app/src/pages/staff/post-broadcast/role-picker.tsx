import type { CivicRole } from "@loa-phuong/shared";
import type { School } from "../../../services/staff-api";
import { civicRoleLabels, civicRoles, schoolLevelLabels } from "../../../utils/staff-labels";
import type { RolePick } from "./audience-draft";

const rolesWithSchool: CivicRole[] = ["parent", "teacher"];

/** Civic roles as checkboxes; parents and teachers can be narrowed to one school. */
export function RolePicker(props: {
  idPrefix: string;
  legend: string;
  hint: string;
  schools: School[];
  picks: RolePick[];
  onChange(picks: RolePick[]): void;
}) {
  const { idPrefix, schools, picks, onChange } = props;
  const pickOf = (role: CivicRole) => picks.find((pick) => pick.role === role);
  const toggle = (role: CivicRole, isOn: boolean) =>
    onChange(isOn ? [...picks, { role, schoolId: "" }] : picks.filter((pick) => pick.role !== role));
  const setSchool = (role: CivicRole, schoolId: string) =>
    onChange(picks.map((pick) => (pick.role === role ? { ...pick, schoolId } : pick)));
  const levels = [...new Set(schools.map((school) => school.level))];

  return (
    <fieldset className="picker">
      <legend>{props.legend}</legend>
      <p className="field-hint">{props.hint}</p>
      <ul className="check-list">
        {civicRoles.map((role) => {
          const id = `${idPrefix}-${role}`;
          const pick = pickOf(role);
          return (
            <li key={role} className="role-item">
              <input
                id={id}
                type="checkbox"
                checked={pick !== undefined}
                onChange={(event) => toggle(role, event.target.checked)}
              />
              <label htmlFor={id}>{civicRoleLabels[role]}</label>
              {pick && rolesWithSchool.includes(role) && schools.length > 0 && (
                <div className="role-school">
                  <label htmlFor={`${id}-school`} className="field-label-small">
                    Trường ({civicRoleLabels[role].toLowerCase()})
                  </label>
                  <select
                    id={`${id}-school`}
                    value={pick.schoolId}
                    onChange={(event) => setSchool(role, event.target.value)}
                  >
                    <option value="">Mọi trường</option>
                    {levels.map((level) => (
                      <optgroup key={level} label={schoolLevelLabels[level] ?? level}>
                        {schools
                          .filter((school) => school.level === level)
                          .map((school) => (
                            <option key={school.id} value={school.id}>
                              {school.name}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
