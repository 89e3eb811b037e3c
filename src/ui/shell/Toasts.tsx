/** The message stack at the bottom centre of the window. */
import { dismiss, useToasts } from "./toasts";

export function Toasts() {
  const toasts = useToasts();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          role={toast.kind === "error" ? "alert" : "status"}
          data-testid={`toast-${toast.kind}`}
        >
          <div className="toast-body">
            <strong>{toast.title}</strong>
            {toast.details?.length ? (
              <ul>
                {toast.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="toast-actions">
            {toast.actions?.map((action) => (
              <button
                type="button"
                key={action.label}
                className="btn btn-small btn-accent"
                onClick={() => {
                  action.run();
                  dismiss(toast.id);
                }}
              >
                {action.label}
              </button>
            ))}
            <button
              type="button"
              className="btn btn-small btn-ghost"
              aria-label="Dismiss"
              data-testid="toast-dismiss"
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
