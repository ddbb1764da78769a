import type { BroadcastProgress } from "@loa-phuong/shared";
import { useState } from "react";
import { settledStatuses } from "../../../utils/staff-labels";

type Group = BroadcastProgress["groups"][number];
type SortKey = "name" | "percent";

const number = new Intl.NumberFormat("vi-VN");

function settledOf(group: Group): number {
  return settledStatuses.reduce((sum, status) => sum + (group.counts[status] ?? 0), 0);
}

function percentOf(group: Group): number {
  return group.total === 0 ? 0 : Math.floor((settledOf(group) / group.total) * 100);
}

/** The breakdown per residential group, sortable by name (in Vietnamese order) or by percent done. */
export function GroupTable({ groups }: { groups: Group[] }) {
  const [sort, setSort] = useState<{ key: SortKey; isAscending: boolean }>({
    key: "name",
    isAscending: true,
  });
  const sorted = [...groups].sort((a, b) => {
    const order =
      sort.key === "name"
        ? a.name.localeCompare(b.name, "vi", { numeric: true })
        : percentOf(a) - percentOf(b);
    return sort.isAscending ? order : -order;
  });
  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, isAscending: current.key === key ? !current.isAscending : key === "name" }));
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.isAscending ? "ascending" : "descending") : "none";

  return (
    <section className="staff-card" aria-labelledby="group-table-heading">
      <h2 id="group-table-heading" className="section-title section-title-first">
        Theo tổ dân phố
      </h2>
      {groups.length === 0 ? (
        <p className="muted">Chưa có người nhận nào được xếp hàng gửi.</p>
      ) : (
        <div className="table-scroll">
          <table className="group-table">
            <caption className="visually-hidden">Tiến độ gửi theo tổ dân phố</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("name")}>
                  <button type="button" className="sort-button" onClick={() => sortBy("name")}>
                    Tổ dân phố
                  </button>
                </th>
                <th scope="col">Người nhận</th>
                <th scope="col">Đã xong</th>
                <th scope="col">Lỗi</th>
                <th scope="col">Chuyển kênh</th>
                <th scope="col" aria-sort={ariaSort("percent")}>
                  <button type="button" className="sort-button" onClick={() => sortBy("percent")}>
                    Tỉ lệ
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((group) => (
                <tr key={group.groupId ?? "none"}>
                  <th scope="row">{group.name}</th>
                  <td>{number.format(group.total)}</td>
                  <td>{number.format(settledOf(group))}</td>
                  <td>{number.format(group.counts.failed ?? 0)}</td>
                  <td>{number.format(group.counts.fallback ?? 0)}</td>
                  <td>{percentOf(group)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
