import { lazy, Suspense } from "react";
import { useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { LoadingView } from "../../components/status-views";
import { FeedList } from "./feed-list";
import { FeedTabs, tabFromParam } from "./feed-tabs";
import { Greeting } from "./greeting";

// Most residents read the feed: their questions are loaded only when asked for.
const MyQuestions = lazy(() => import("./my-questions"));

/** The resident's feed: what the ward addressed to them, newest first; and "Hỏi đáp". */
export default function HomePage() {
  // The tab lives in the URL so that coming back from a post keeps it.
  const [params, setParams] = useSearchParams();
  const tab = tabFromParam(params.get("tab"));

  return (
    <Page className="page">
      <AppHeader title="Loa Phường" />
      <main className="page-content">
        <Greeting />
        <section aria-labelledby="feed-heading">
          <h2 id="feed-heading" className="section-title">
            {tab.id === "questions" ? "Câu hỏi, góp ý, phản ánh và đề cử của bạn" : "Thông báo gửi đến bạn"}
          </h2>
          <FeedTabs
            value={tab.id}
            onChange={(next) => setParams(next === "all" ? {} : { tab: next }, { replace: true })}
          />
          {tab.id === "questions" ? (
            <Suspense fallback={<LoadingView />}>
              <MyQuestions />
            </Suspense>
          ) : (
            <FeedList kind={tab.kind} />
          )}
        </section>
      </main>
    </Page>
  );
}
