import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { useSession } from "../state/session";

/**
 * The resident's bottom navigation, as in Zalo's zaui-coffee template, on the four top-level screens
 * only. Links (not zmp-ui's BottomNavigation, whose items are unnamed divs) so that screen readers and
 * the keyboard reach them; icons are inline SVG (zmp-ui's icon font loads from Zalo's CDN).
 */
const tabs: { path: string; label: string; icon: ReactNode; headsOnly?: boolean }[] = [
  {
    path: "/",
    label: "Trang chủ",
    icon: <path d="M4 11l8-7 8 7v9a1 1 0 0 1-1 1h-4v-6H9v6H5a1 1 0 0 1-1-1z" />,
  },
  {
    path: "/report",
    label: "Phản ánh",
    icon: (
      <path d="M5 4h14a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H10l-5 4v-4H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM12 7v4M12 13.5v.5" />
    ),
  },
  {
    path: "/head",
    label: "Tổ của tôi",
    headsOnly: true,
    icon: (
      <path
        d={
          "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6" +
          "M16 5.5a3 3 0 0 1 0 5.5M18 14.5c1.8.9 3 2.9 3 5.5"
        }
      />
    ),
  },
  {
    path: "/profile",
    label: "Cá nhân",
    icon: <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />,
  },
];

export const bottomNavPaths = tabs.map((tab) => tab.path);

export function BottomNav() {
  const { pathname } = useLocation();
  const { session } = useSession();
  if (!bottomNavPaths.includes(pathname)) return null;
  const visible = tabs.filter((tab) => !tab.headsOnly || session.resident.isGroupHead);
  return (
    <nav className="bottom-nav" aria-label="Điều hướng chính">
      {visible.map((tab) => {
        const isCurrent = tab.path === pathname;
        return (
          <Link
            key={tab.path}
            to={tab.path}
            replace
            className="bottom-nav-item"
            aria-current={isCurrent ? "page" : undefined}
          >
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <g
                fill="none"
                stroke="currentColor"
                strokeWidth="1.9"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                {tab.icon}
              </g>
            </svg>
            <span>{tab.label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
