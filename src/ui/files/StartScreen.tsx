/** The start screen: a blank flow, the samples with their descriptions, recent flows, and open a file. */
import { useEffect, useState } from "react";
import { parseModelText } from "../../model";
import { notify } from "../shell/toasts";
import { loadRecent, type RecentFlow } from "./autosave";
import { SAMPLES } from "./samples";
import type { FileActions } from "./useFileActions";

export function StartScreen({ files, onClose }: { files: FileActions; onClose: () => void }) {
  const [recent, setRecent] = useState<RecentFlow[]>([]);
  useEffect(() => {
    loadRecent().then(setRecent, () => setRecent([]));
  }, []);
  return (
    <div
      className="start-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label="Start"
      data-testid="start-screen"
      onClick={onClose}
    >
      <div
        className="start"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      >
        <header className="start-head">
          <h2>Start a flow</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        <div className="start-actions">
          <button
            type="button"
            className="btn btn-accent"
            data-testid="start-new"
            onClick={() => {
              files.newFlow();
              onClose();
            }}
          >
            Blank flow
          </button>
          <button
            type="button"
            className="btn"
            data-testid="start-open"
            onClick={() => {
              files.pickFile();
              onClose();
            }}
          >
            Open a file…
          </button>
        </div>
        <h3>Samples</h3>
        <ul className="start-list">
          {SAMPLES.map((sample) => (
            <li key={sample.file}>
              <button
                type="button"
                className="start-card"
                data-testid={`sample-${sample.file.replace(/\.json$/, "")}`}
                onClick={() => {
                  files.openModel(sample.model, sample.file);
                  onClose();
                }}
              >
                <strong>{sample.name}</strong>
                <span>{sample.description}</span>
              </button>
            </li>
          ))}
        </ul>
        {recent.length > 0 ? (
          <>
            <h3>Recent</h3>
            <ul className="start-list">
              {recent.map((flow) => (
                <li key={`${flow.name}-${flow.fileName ?? ""}`}>
                  <button
                    type="button"
                    className="start-card"
                    data-testid="recent-flow"
                    onClick={() => {
                      const parsed = parseModelText(flow.text);
                      if (parsed.ok) files.openModel(parsed.model, flow.fileName);
                      else notify({ kind: "error", title: `${flow.name} no longer opens.` });
                      onClose();
                    }}
                  >
                    <strong>{flow.name}</strong>
                    <span>
                      {flow.fileName ?? "unsaved"} · {new Date(flow.savedAt).toLocaleString()}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
