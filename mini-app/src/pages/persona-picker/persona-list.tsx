import { useState } from "react";
import { ActionError } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import type { Persona } from "../../services/zalo/demo-identity";
import { useSessionContext } from "../../state/session";
import { residentialGroupLabel } from "../../utils/text";

/**
 * One button per persona. The button's accessible name is exactly the persona's name (the group is
 * its description), so a browser test can click it by name.
 */
export function PersonaList({ personas }: { personas: Persona[] }) {
  const { signInAsPersona } = useSessionContext();
  const [chosen, setChosen] = useState<string | null>(null);
  // Signed in, the picker gives way to the app.
  const { isBusy, error, run } = useAction("Không đăng nhập được, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const pending = isBusy ? chosen : null;

  const choose = (persona: Persona) => {
    setChosen(persona.idByApp);
    void run(() => signInAsPersona(persona));
  };

  return (
    <>
      <ActionError message={error} />
      <ul className="persona-list" aria-busy={pending !== null}>
        {personas.map((persona) => {
          const groupId = `persona-group-${persona.idByApp}`;
          const detail =
            pending === persona.idByApp
              ? "Đang đăng nhập…"
              : persona.residentialGroupName && residentialGroupLabel(persona.residentialGroupName);
          return (
            <li key={persona.idByApp}>
              <button
                type="button"
                className="persona-button"
                aria-label={persona.name}
                aria-describedby={detail ? groupId : undefined}
                disabled={pending !== null}
                onClick={() => choose(persona)}
              >
                <span className="persona-name">{persona.name}</span>
                {detail && (
                  <span id={groupId} className="persona-group">
                    {detail}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
