import { useEffect, useRef } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { forgetDraft } from "../../services/drafts";
import { useSession } from "../../state/session";

/** What a resident changes from "Cá nhân": their residential group (tổ dân phố), or their roles. */
export type ProfileChange = "group" | "roles";

/** Each change's choice, kept on the device while it is open (a reload, or Zalo closed by a call). */
export const changeDrafts: Record<ProfileChange, string> = { group: "profile-group", roles: "profile-roles" };

function changeOfEntry(state: unknown): ProfileChange | null {
  const change = (state as { profileChange?: unknown } | null)?.profileChange;
  return change === "group" || change === "roles" ? change : null;
}

/**
 * The change open on the profile, in a history entry of its own (as onboarding's steps are): Back (the
 * phone's, Zalo's or the header's) and "Hủy" return to the profile as it was. Left by any way, saved or
 * not, a change forgets its draft, so the next one starts again from what the ward holds.
 */
export function useProfileChange() {
  const location = useLocation();
  const navigate = useNavigate();
  const residentId = useSession().session.resident.id;
  const open = changeOfEntry(location.state);
  const here = { pathname: location.pathname, search: location.search, hash: location.hash };

  const wasOpen = useRef(open);
  useEffect(() => {
    const was = wasOpen.current;
    wasOpen.current = open;
    if (was !== null && was !== open) void forgetDraft(residentId, changeDrafts[was]);
  }, [open, residentId]);

  return {
    open,
    start: (change: ProfileChange) => navigate(here, { state: { profileChange: change } }),
    close: () => {
      // Opened straight at a change (no entry under it), the profile replaces it.
      if (location.key === "default") navigate(here, { replace: true, state: null });
      else navigate(-1);
    },
  };
}
