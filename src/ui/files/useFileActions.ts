/**
 * The shell's file actions: new, open (picker or drop), save, open a sample or a recent
 * flow. Autosave and keeping replaced work in Recent belong to the store's FlowKeeper.
 * Opening a bad or hostile file says what is wrong, offers the refused text for download
 * and keeps the current flow.
 */
import { useCallback, useMemo } from "react";
import { FORMAT, type Model, parseModel } from "../../model";
import { DEFAULT_COST_PER_HOUR } from "../inspector/ops";
import { notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import type { RecentFlow } from "./autosave";
import { rememberRecent } from "./autosave";
import { download, readFlowFile, saveFlowFile } from "./flowFiles";
import type { FlowKeeper } from "./flowKeeper";
import { parseFlowOffThread } from "./offThread";

export interface FileActions {
  newFlow: () => void;
  openFile: (file: File) => Promise<void>;
  pickFile: () => void;
  save: () => Promise<void>;
  openModel: (model: Model, fileName?: string) => void;
  openRecent: (flow: RecentFlow) => Promise<void>;
}

export function useFileActions(store: FlowStore, keeper: FlowKeeper): FileActions {
  const openModel = useCallback(
    (model: Model, fileName?: string) => {
      store.load(model, { fileName });
    },
    [store],
  );

  const openRecent = useCallback(
    async (flow: RecentFlow) => {
      const parsed = await parseFlowOffThread(flow.text);
      if (!parsed.ok) {
        notify({
          kind: "error",
          title: `${flow.name} no longer opens: the current flow is kept.`,
          details: parsed.problems,
          actions: [{ label: "Download it", run: () => download(flow.text, flow.fileName ?? "recent-flow.json") }],
        });
        return;
      }
      keeper.expectFlowId(flow.flowId);
      store.load(parsed.model, { fileName: flow.fileName, dirty: !flow.fileName });
    },
    [store, keeper],
  );

  const openFile = useCallback(
    async (file: File) => {
      const result = await readFlowFile(file);
      if (!result.ok) {
        const { text, fileName } = result;
        notify({
          kind: "error",
          title: `Could not open ${fileName}: the current flow is kept.`,
          details: result.problems,
          actions: text !== undefined ? [{ label: "Download it", run: () => download(text, fileName) }] : undefined,
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
    rememberRecent(model, written, keeper.currentFlowId()).catch(() => undefined);
    notify({ kind: "info", title: `Saved ${written}` });
  }, [store, keeper]);

  const newFlow = useCallback(() => {
    const blank = parseModel({
      format: FORMAT,
      name: "New flow",
      teams: [{ id: "l1", name: "L1 front line", tier: 1, agents: 5, costPerHour: DEFAULT_COST_PER_HOUR }],
    });
    if (blank.ok) store.load(blank.model);
  }, [store]);

  return useMemo(
    () => ({ newFlow, openFile, pickFile, save, openModel, openRecent }),
    [newFlow, openFile, pickFile, save, openModel, openRecent],
  );
}
