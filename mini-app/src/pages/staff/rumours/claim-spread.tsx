import type { RumourClaim } from "@loa-phuong/shared";
import { formatCount } from "@loa-phuong/shared/client";

/** "2026-06-01" → "01/06/2026": the API's ward day as staff read dates. */
const wardDay = (day: string) => day.split("-").reverse().join("/");

/**
 * A claim's spread day by day (the ward's days), one line per named group and one for the groups
 * folded together for privacy.
 */
export function ClaimSpreadByDay({ claim }: { claim: RumourClaim }) {
  const days = [...new Set(claim.byDay.map((row) => row.day))];
  if (days.length === 0) return null;
  return (
    <table className="group-table" aria-label={`Theo ngày: ${claim.claim}`}>
      <thead>
        <tr>
          <th scope="col">Ngày</th>
          <th scope="col">Tổ dân phố</th>
          <th scope="col">Số tin</th>
        </tr>
      </thead>
      <tbody>
        {claim.byDay.map((row) => (
          <tr key={`${row.day}:${row.group ?? ""}`}>
            <td>{wardDay(row.day)}</td>
            <td>{row.group ?? "Các tổ khác"}</td>
            <td>{formatCount(row.messages)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
