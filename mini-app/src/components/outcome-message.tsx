/** An action's failure, announced at once; nothing when there is none. */
export function ActionError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="inline-error">
      {message}
    </p>
  );
}

/** Where a form or an action reports back: its failure, announced at once, or else what it did. */
export function OutcomeMessage({ error, notice }: { error: string | null; notice: string | null }) {
  if (error !== null) return <ActionError message={error} />;
  if (notice === null) return null;
  return (
    <p role="status" className="inline-success">
      {notice}
    </p>
  );
}
