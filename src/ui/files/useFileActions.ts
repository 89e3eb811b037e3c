/**
 * The shell's file actions: new, open (picker or drop), save, open a sample or a recent
 * flow, and the autosave that runs after each change (debounced) and when the page is
 * hidden. Opening a bad file says what is wrong and keeps the current flow.
 */
import { useCallback, useEffect, useMemo } from "react";
import { FORMAT, type Model, parseModel } from "../../model";
import { notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import { rememberRecent, writeAutosave } from "./autosave";
import { readFlowFile, saveFlowFile } from "./flowFiles";

/** Quiet time after the last edit before autosaving (ms). */
const AUTOSAVE_DELAY_MS = 600;

export interface FileActions {
  newFlow: () => void;
  openFile: (file: File) => Promise<void>;
  pickFile: () => void;
  save: () => Promise<void>;
  openModel: (model: Model, fileName?: string) => void;
}

export function useFileActions(store: FlowStore): FileActions {
  // Autosave: debounced after changes, and at once when the page is hidden or left.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let saved = store.getState().model;
    const flush = () => {
      clearTimeout(timer);
      const { model, fileName, readOnly } = store.getState();
      // A shared flow is only looked at until the user makes a copy.
      if (model === saved || readOnly) return;
      saved = model;
      writeAutosave(model, fileName).catch(() => undefined);
    };
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
    });
    const onHide = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", flush);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", flush);
    };
  }, [store]);

  const openModel = useCallback(
    (model: Model, fileName?: string) => {
      store.load(model, { fileName });
      rememberRecent(model, fileName).catch(() => undefined);
    },
    [store],
  );

  const openFile = useCallback(
    async (file: File) => {
      const result = await readFlowFile(file);
      if (!result.ok) {
        notify({
          kind: "error",
          title: `Could not open ${result.fileName}: the current flow is kept.`,
          details: result.problems,
        });
        return;
      }
      openModel(result.model, result.fileName);
      notify({ kind: "info", title: `Opened ${result.fileName}` });
    },
    [openModel],
  );

  const pickFile = useCallback(() => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.onchange = () => {
      const file = input.files?.[0];
      if (file) openFile(file);
    };
    input.click();
  }, [openFile]);

  const save = useCallback(async () => {
    const { model, fileName } = store.getState();
    const written = await saveFlowFile(model, fileName);
    if (!written) return;
    store.markSaved(written);
    rememberRecent(model, written).catch(() => undefined);
    notify({ kind: "info", title: `Saved ${written}` });
  }, [store]);

  const newFlow = useCallback(() => {
    const blank = parseModel({
      format: FORMAT,
      name: "New flow",
      teams: [{ id: "l1", name: "L1 front line", tier: 1, agents: 5 }],
    });
    if (blank.ok) store.load(blank.model);
  }, [store]);

  return useMemo(
    () => ({ newFlow, openFile, pickFile, save, openModel }),
    [newFlow, openFile, pickFile, save, openModel],
  );
}
