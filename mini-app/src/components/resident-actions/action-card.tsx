import type { ReactNode } from "react";
import { ActionError } from "../outcome-message";

/** One optional step (follow the OA, notifications, phone): what it is, and either its button or that it is done. */
export function ActionCard({
  title,
  description,
  done,
  error,
  children,
}: {
  title: string;
  description: ReactNode;
  done: string | null;
  error?: string | null;
  children?: ReactNode;
}) {
  return (
    <section className="action-card" aria-label={title}>
      <h3 className="action-card-title">{title}</h3>
      {done ? (
        <p className="inline-success">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      ) : (
        <>
          <div className="action-card-text">{description}</div>
          {children}
        </>
      )}
      <ActionError message={error} />
    </section>
  );
}
