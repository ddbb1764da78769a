import { type ComponentType, type LazyExoticComponent, Suspense } from "react";
import { Page } from "zmp-ui";
import { AppHeader } from "./app-header";
import { LoadingView } from "./status-views";

/** A lazily loaded screen; while its code downloads on a weak network, a page with a spinner. */
export function LazyPage({
  page: Screen,
  title = "Loa Phường",
}: {
  page: LazyExoticComponent<ComponentType>;
  title?: string;
}) {
  return (
    <Suspense
      fallback={
        <Page className="page">
          <AppHeader title={title} />
          <main className="page-content">
            <LoadingView />
          </main>
        </Page>
      }
    >
      <Screen />
    </Suspense>
  );
}
