/** Where a form or an action reports back: its failure, announced at once, or else what it did. */
export function OutcomeMessage({ error, notice }: { error: string | null; notice: string | null }) {
  if (error !== null) {
    return (
      <p role="alert" className="inline-error">
        {error}
      </p>
    );
  }
  if (notice === null) return null;
  return (
    <p role="status" className="inline-success">
      {notice}
    </p>
  );
}
