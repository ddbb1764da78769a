import { searchKey } from "@loa-phuong/shared/client";
import { useMemo, useState } from "react";
import type { ResidentialGroup } from "../../../services/staff-api";

/** Residential groups (tổ dân phố) as checkboxes, filtered live by name, code or area, with or without diacritics. */
export function GroupPicker(props: {
  idPrefix: string;
  legend: string;
  searchLabel: string;
  groups: ResidentialGroup[];
  selected: string[];
  onChange(selected: string[]): void;
}) {
  const { idPrefix, groups, selected, onChange } = props;
  const [query, setQuery] = useState("");
  const searchable = useMemo(
    () =>
      groups.map((group) => ({ group, key: searchKey(`${group.name} ${group.code} ${group.area ?? ""}`) })),
    [groups],
  );
  const key = searchKey(query);
  const matches = searchable.filter((entry) => entry.key.includes(key)).map((entry) => entry.group);
  const chosen = new Set(selected);

  const toggle = (id: string, isOn: boolean) =>
    onChange(isOn ? [...selected, id] : selected.filter((value) => value !== id));
  const selectMatches = () => onChange([...new Set([...selected, ...matches.map((group) => group.id)])]);

  return (
    <fieldset className="picker">
      <legend>{props.legend}</legend>
      <label htmlFor={`${idPrefix}-search`} className="field-label-small">
        {props.searchLabel}
      </label>
      <input
        id={`${idPrefix}-search`}
        type="search"
        inputMode="search"
        autoComplete="off"
        placeholder="Nhập tên hoặc số tổ"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="picker-toolbar">
        <span className="muted-inline" aria-live="polite">
          Đã chọn {selected.length}/{groups.length} tổ
        </span>
        <button type="button" className="link-button" onClick={selectMatches} disabled={matches.length === 0}>
          Chọn {query ? "các tổ tìm được" : "tất cả"}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => onChange([])}
          disabled={selected.length === 0}
        >
          Bỏ chọn
        </button>
      </div>
      {matches.length === 0 ? (
        <p className="muted">Không có tổ dân phố nào khớp.</p>
      ) : (
        <ul className="check-list">
          {matches.map((group) => {
            const id = `${idPrefix}-${group.id}`;
            return (
              <li key={group.id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={chosen.has(group.id)}
                  onChange={(event) => toggle(group.id, event.target.checked)}
                />
                <label htmlFor={id}>
                  {group.name}
                  <span className="muted-inline"> · {group.members} người</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
