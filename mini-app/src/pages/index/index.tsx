import { useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { isPostKind } from "../../utils/post-kind";
import { FeedList } from "./feed-list";
import { Greeting } from "./greeting";
import { KindFilter } from "./kind-filter";

/** The resident's feed: what the ward addressed to them, newest first. */
export default function HomePage() {
  // The filter lives in the URL so that coming back from a post keeps it.
  const [params, setParams] = useSearchParams();
  const requested = params.get("kind");
  const kind = isPostKind(requested) ? requested : null;

  return (
    <Page className="page">
      <AppHeader title="Loa Phường" />
      <main className="page-content">
        <Greeting />
        <section aria-labelledby="feed-heading">
          <h2 id="feed-heading" className="section-title">
            Thông báo gửi đến bạn
          </h2>
          <KindFilter value={kind} onChange={(next) => setParams(next ? { kind: next } : {}, { replace: true })} />
          <FeedList kind={kind} />
        </section>
      </main>
    </Page>
  );
}
