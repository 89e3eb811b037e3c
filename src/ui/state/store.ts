/**
 * The editor's one source of truth: the model document being edited, the selection, and
 * the undo history. Every edit is an immer recipe applied with `produceWithPatches`, so it
 * has an exact inverse; undo and redo replay patches. The canvas and the inspector are views
 * of this store and change the model only through `edit`.
 */
import { applyPatches, type Draft, enablePatches, type Patch, produceWithPatches } from "immer";
import { useSyncExternalStore } from "react";
import type { Model } from "../../model";
import type { Results } from "../../sim/results";

enablePatches();

export interface Selection {
  nodes: string[];
  edges: string[];
  /** A team picked in the teams panel. */
  team?: string;
}

export interface EditorState {
  model: Model;
  selection: Selection;
  /** Name of the file the flow came from or was last saved as. */
  fileName?: string;
  /** Whether the flow changed since it was last saved to a file. */
  dirty: boolean;
  /** A flow opened from a share link is read-only until the user makes a copy. */
  readOnly: boolean;
  /** The last simulation of this flow, for colouring the canvas (cleared on structural edits by its owner). */
  lastRun?: Results;
  /** Bumped on every change of the model, for cheap memo keys. */
  revision: number;
  /** Bumped each time a whole document is loaded (open, new, sample), e.g. to zoom the canvas to fit. */
  loads: number;
}

interface HistoryEntry {
  label: string;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive edits with the same key (a drag, typing in a field) merge into one undo step. */
  coalesceKey?: string;
  at: number;
}

const COALESCE_MS = 1500;
const HISTORY_LIMIT = 500;

export class FlowStore {
  private state: EditorState;
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private listeners = new Set<() => void>();
  private afterEdit?: (draft: Draft<Model>, before: Model) => void;

  /**
   * `afterEdit` runs inside every edit, after its recipe, in the same undo step: the editor
   * uses it to keep the canvas's lanes in order whatever the edit was.
   */
  constructor(model: Model, options: { afterEdit?: (draft: Draft<Model>, before: Model) => void } = {}) {
    this.afterEdit = options.afterEdit;
    this.state = { model, selection: { nodes: [], edges: [] }, dirty: false, readOnly: false, revision: 0, loads: 0 };
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Changes the model with an immer recipe, as one undoable step named `label`
   * ("Add work step", "Move 3 steps"). Edits with the same `coalesce` key within 1.5 s merge.
   * A recipe that changes nothing records nothing.
   */
  edit(label: string, recipe: (draft: Draft<Model>) => void, options: { coalesce?: string } = {}): void {
    if (this.state.readOnly) return;
    const before = this.state.model;
    const [next, patches, inverse] = produceWithPatches(before, (draft) => {
      recipe(draft);
      this.afterEdit?.(draft, before);
    });
    if (patches.length === 0) return;
    const now = Date.now();
    const last = this.past[this.past.length - 1];
    if (options.coalesce && last && last.coalesceKey === options.coalesce && now - last.at < COALESCE_MS) {
      last.patches = [...last.patches, ...patches];
      last.inverse = [...inverse, ...last.inverse];
      last.at = now;
    } else {
      this.past.push({ label, patches, inverse, coalesceKey: options.coalesce, at: now });
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    this.future = [];
    this.setModel(next);
  }

  undo(): void {
    const entry = this.past.pop();
    if (!entry) return;
    this.future.push(entry);
    this.setModel(applyPatches(this.state.model, entry.inverse));
  }

  redo(): void {
    const entry = this.future.pop();
    if (!entry) return;
    this.past.push(entry);
    this.setModel(applyPatches(this.state.model, entry.patches));
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }

  canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Label of the step undo would revert, for tooltips ("Undo Add work step"). */
  undoLabel(): string | undefined {
    return this.past[this.past.length - 1]?.label;
  }

  redoLabel(): string | undefined {
    return this.future[this.future.length - 1]?.label;
  }

  /** Replaces the whole document (open a file, a sample, a new flow): clears history and selection. */
  load(model: Model, options: { fileName?: string; readOnly?: boolean; dirty?: boolean } = {}): void {
    this.past = [];
    this.future = [];
    this.state = {
      model,
      selection: { nodes: [], edges: [] },
      fileName: options.fileName,
      dirty: options.dirty ?? false,
      readOnly: options.readOnly ?? false,
      lastRun: undefined,
      revision: this.state.revision + 1,
      loads: this.state.loads + 1,
    };
    this.emit();
  }

  select(selection: Partial<Selection>): void {
    this.patchState({ selection: { nodes: [], edges: [], ...selection } });
  }

  markSaved(fileName?: string): void {
    this.patchState({ dirty: false, fileName: fileName ?? this.state.fileName });
  }

  setReadOnly(readOnly: boolean): void {
    this.patchState({ readOnly });
  }

  setLastRun(lastRun: Results | undefined): void {
    this.patchState({ lastRun });
  }

  // helpers

  private setModel(model: Model): void {
    this.state = { ...this.state, model, dirty: true, revision: this.state.revision + 1 };
    this.emit();
  }

  private patchState(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Reads a slice of the editor state and re-renders when it changes (compare by identity). */
export function useFlowState<T>(store: FlowStore, selector: (state: EditorState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
