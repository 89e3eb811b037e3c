/**
 * The start screen: a blank flow, the samples with their descriptions, recent flows (every
 * flow the user worked on), and open a file. A modal dialog: it takes focus, keeps Tab
 * inside, and Escape or a click outside closes it.
 */
import { useEffect, useRef, useState } from "react";
import { useFocusTrap } from "../shell/useFocusTrap";
import { loadRecent, type RecentFlow } from "./autosave";
import { samples } from "./samples";
import type { FileActions } from "./useFileActions";

export function StartScreen({ files, onClose }: { files: FileActions; onClose: () => void }) {
  const [recent, setRecent] = useState<RecentFlow[]>([]);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);
  useEffect(() => {
    loadRecent().then(setRecent, () => setRecent([]));
  }, []);
  return (
    <div className="start-backdrop" data-testid="start-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="start"
        role="dialog"
        aria-modal="true"
        aria-labelledby="start-title"
        data-testid="start-screen"
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
      >
        <header className="start-head">
          <h2 id="start-title">Start a flow</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        <div className="start-actions">
          <button
            type="button"
            className="btn btn-accent"
            data-testid="start-new"
            data-autofocus
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
          {samples().map((sample) => (
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
                <li key={flow.flowId ?? `${flow.name}-${flow.fileName ?? ""}`}>
                  <button
                    type="button"
                    className="start-card"
                    data-testid="recent-flow"
                    onClick={() => {
                      files.openRecent(flow);
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
