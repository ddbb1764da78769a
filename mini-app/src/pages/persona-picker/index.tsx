import { searchKey } from "@loa-phuong/shared/client";
import { useMemo, useState } from "react";
import { Input, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { runtimeConfig } from "../../config";
import { useResource } from "../../hooks/use-resource";
import { fetchPersonas } from "../../services/zalo/demo-identity";
import { PersonaList } from "./persona-list";

/**
 * Demo mode, outside Zalo: stands in for Zalo's own sign-in by letting the presenter pick one of
 * the simulator's residents.
 */
export default function PersonaPickerPage() {
  const simulatorUrl = runtimeConfig.demo?.simulatorUrl ?? "";
  const personas = useResource(`personas:${simulatorUrl}`, () => fetchPersonas(simulatorUrl));
  const [query, setQuery] = useState("");

  const loaded = personas.status === "ready" ? personas.data : null;
  // Search keys once per list, not once per keystroke: a demo ward has hundreds of residents.
  const searchable = useMemo(
    () => (loaded ?? []).map((persona) => ({ persona, key: searchKey(persona.name) })),
    [loaded],
  );
  const matches = useMemo(() => {
    const key = searchKey(query);
    return searchable.filter((entry) => entry.key.includes(key)).map((entry) => entry.persona);
  }, [searchable, query]);

  return (
    <Page className="page">
      <AppHeader title="Loa Phường" />
      <main className="page-content">
        <h1 className="page-title">Chọn người dân (chế độ trình diễn)</h1>
        <p className="muted">Ngoài Zalo, chọn một người dân mô phỏng để xem Loa Phường như họ thấy.</p>
        {/* Not Input.Search: its icon-only search button has no accessible name, and filtering is live anyway. */}
        <Input
          className="persona-search"
          placeholder="Nhập tên, có dấu hoặc không"
          aria-label="Tìm người dân theo tên"
          inputMode="search"
          enterKeyHint="search"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          prefix={
            <svg
              className="search-icon"
              viewBox="0 0 24 24"
              width="20"
              height="20"
              aria-hidden="true"
              focusable="false"
            >
              <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M16 16l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          }
        />
        {personas.status === "loading" && <LoadingView label="Đang tải danh sách người dân…" />}
        {personas.status === "failed" && <ErrorView message={personas.message} onRetry={personas.reload} />}
        {personas.status === "ready" &&
          (matches.length === 0 ? (
            query ? (
              <EmptyView>Không tìm thấy người dân nào khớp với tên này.</EmptyView>
            ) : (
              // Right after `npm start` the demo may still be registering its residents with the simulator.
              <ErrorView
                message="Trình giả lập chưa có người dân nào. Chờ vài giây rồi tải lại."
                onRetry={personas.reload}
              />
            )
          ) : (
            <PersonaList personas={matches} />
          ))}
      </main>
    </Page>
  );
}
