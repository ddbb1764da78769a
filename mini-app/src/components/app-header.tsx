import { useLocation } from "react-router-dom";
import { Header, useNavigate } from "zmp-ui";

/**
 * zmp-ui's Header with a back button that screen readers can name, drawn as SVG rather than with
 * zmp-ui's icon font (which loads from Zalo's CDN). Opened straight from a deep link, there is no
 * page to go back to inside the app, so "back" goes to `home` (the feed, or the staff dashboard).
 */
export function AppHeader({
  title,
  showBack = false,
  home = "/",
}: {
  title: string;
  showBack?: boolean;
  home?: string;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const goBack = () => {
    if (location.key === "default") navigate(home, { replace: true, direction: "backward" });
    else navigate(-1);
  };
  return (
    <Header
      title={title}
      showBackIcon={showBack}
      onBackClick={goBack}
      backIcon={
        <>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path
              d="M15 5l-7 7 7 7"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="visually-hidden">Quay lại</span>
        </>
      }
    />
  );
}
