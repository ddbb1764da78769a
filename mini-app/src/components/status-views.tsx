import type { ReactNode } from "react";
import { Button, Spinner } from "zmp-ui";

/** Loading, error and empty states shared by every screen, announced to screen readers. */

export function LoadingView({ label = "Đang tải…" }: { label?: string }) {
  return (
    <div className="status-view" role="status">
      <Spinner visible />
      <p>{label}</p>
    </div>
  );
}

export function ErrorView({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="status-view">
      <p role="alert" className="status-view-error">
        {message}
      </p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Thử lại
        </Button>
      )}
    </div>
  );
}

export function EmptyView({ children }: { children: ReactNode }) {
  return (
    <div className="status-view">
      <p>{children}</p>
    </div>
  );
}
