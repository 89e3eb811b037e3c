/**
 * Keeps the user's work: one FlowKeeper per store gives each flow on the canvas an identity
 * (a flow id, remembered per tab in sessionStorage so a reload comes back to this tab's
 * flow), autosaves it shortly after each change and synchronously when the page is hidden
 * or left, keeps the flow being replaced (blank, sample, open, share link, import) in the
 * recent list, and tells other tabs which flow it holds (BroadcastChannel) so two tabs on
 * one flow are noticed, said, and split into two flows instead of overwriting each other.
 */
import type { Model } from "../../model";
import { dismiss, notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import { newFlowId, rememberRecent, writeAutosave, writeAutosaveNow } from "./autosave";

/** Quiet time after the last edit before autosaving (ms). */
const AUTOSAVE_DELAY_MS = 400;
const TAB_FLOW_KEY = "flowcast:flowId";
const CHANNEL = "flowcast-tabs";

/** What the shell shows about this tab: another tab holding the same flow. */
export interface KeeperState {
  /** Set when another tab opened (or holds) the flow this tab started with. */
  otherTab?: "newer" | "older";
}

/** A flow that was replaced on the canvas and kept in Recent. */
export interface KeptFlow {
  name: string;
  model: Model;
  fileName?: string;
  flowId: string;
}

type Message = { type: "hello" | "here" | "saved"; tabId: string; flowId: string };

export class FlowKeeper {
  private flowId: string;
  private readonly tabId = newFlowId();
  private edited = false;
  private loads: number;
  /** The store as it was after the previous change: what a load replaces. */
  private previous: { model: Model; fileName?: string; dirty: boolean; readOnly: boolean };
  /** The model last handed to the autosave. */
  private saved: Model;
  /**
   * The model the autosave last finished writing. A big flow's write takes a moment (written
   * in the flow worker); a page left before it ends writes synchronously instead.
   */
  private written: Model;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private channel?: BroadcastChannel;
  private state: KeeperState = {};
  private listeners = new Set<() => void>();
  private nextFlowId?: string;

  constructor(
    private readonly store: FlowStore,
    flowId: string | undefined,
    private readonly onKept: (flow: KeptFlow) => void,
  ) {
    this.flowId = flowId ?? readTabFlowId() ?? newFlowId();
    writeTabFlowId(this.flowId);
    const state = store.getState();
    this.loads = state.loads;
    this.previous = { model: state.model, fileName: state.fileName, dirty: state.dirty, readOnly: state.readOnly };
    this.saved = state.model;
    this.written = state.model;
  }

  /** Starts watching the store, the page's lifecycle and the other tabs; returns the stop. */
  start(): () => void {
    const unsubscribe = this.store.subscribe(this.onChange);
    const onHide = () => {
      if (document.visibilityState === "hidden") this.flushNow();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", this.flushNow);
    if (typeof BroadcastChannel === "function") {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event: MessageEvent<Message>) => this.onMessage(event.data);
      this.post("hello");
    }
    return () => {
      unsubscribe();
      clearTimeout(this.timer);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", this.flushNow);
      this.channel?.close();
    };
  }

  getState = (): KeeperState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The id the next loaded flow takes (reopening a recent flow keeps its identity). */
  expectFlowId(flowId: string | undefined): void {
    this.nextFlowId = flowId;
  }

  /** Whether the flow on the canvas is work of the user's that exists nowhere else. */
  isUserWork(): boolean {
    return !this.store.getState().readOnly && (this.edited || this.store.getState().dirty);
  }

  currentFlowId(): string {
    return this.flowId;
  }

  // helpers

  private onChange = (): void => {
    const state = this.store.getState();
    if (state.loads !== this.loads) {
      this.replaced(state.model);
      this.loads = state.loads;
    } else if (state.model !== this.previous.model) {
      this.edited = true;
    }
    this.previous = { model: state.model, fileName: state.fileName, dirty: state.dirty, readOnly: state.readOnly };
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, AUTOSAVE_DELAY_MS);
  };

  /** A whole document was loaded over the flow held so far: keep that one, then start anew. */
  private replaced(next: Model): void {
    const previous = this.previous;
    const wasWork = !previous.readOnly && (this.edited || previous.dirty);
    if (wasWork && previous.model !== next) {
      rememberRecent(previous.model, previous.fileName, this.flowId).catch(() => undefined);
      this.onKept({
        name: previous.model.name,
        model: previous.model,
        fileName: previous.fileName,
        flowId: this.flowId,
      });
    }
    const state = this.store.getState();
    this.flowId = this.nextFlowId ?? newFlowId();
    this.nextFlowId = undefined;
    writeTabFlowId(this.flowId);
    this.edited = state.dirty;
    if (this.state.otherTab) this.setState({});
    this.post("hello");
  }

  private flush = (): void => {
    clearTimeout(this.timer);
    const { model, fileName, readOnly } = this.store.getState();
    // A shared flow is only looked at until the user makes a copy.
    if (model === this.saved || readOnly) return;
    this.saved = model;
    writeAutosave(model, { fileName, flowId: this.flowId, remember: this.isUserWork() }).then(
      () => {
        this.written = model;
      },
      () => undefined,
    );
    if (this.isUserWork()) this.post("saved");
  };

  private flushNow = (): void => {
    clearTimeout(this.timer);
    const { model, fileName, readOnly } = this.store.getState();
    if (model === this.written || readOnly) return;
    this.saved = model;
    this.written = model;
    writeAutosaveNow(model, { fileName, flowId: this.flowId, remember: this.isUserWork() });
  };

  private onMessage(message: Message): void {
    if (!message || message.tabId === this.tabId || message.flowId !== this.flowId) return;
    if (message.type === "hello") {
      // A newer tab opened this tab's flow: it will fork; say so here too.
      this.post("here");
      this.setState({ otherTab: "newer" });
    } else {
      // This tab is the newcomer (or both saved the same flow): fork, so neither overwrites.
      this.flowId = newFlowId();
      writeTabFlowId(this.flowId);
      this.setState({ otherTab: "older" });
    }
  }

  private post(type: Message["type"]): void {
    this.channel?.postMessage({ type, tabId: this.tabId, flowId: this.flowId } satisfies Message);
  }

  private setState(state: KeeperState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

let keptToast: number | undefined;

/** Says that the replaced flow is kept in Recent, with a button to bring it back. */
export function announceKept(store: FlowStore, keeper: FlowKeeper, kept: KeptFlow): void {
  if (keptToast !== undefined) dismiss(keptToast);
  keptToast = notify({
    kind: "info",
    title: `Your previous flow "${kept.name}" is kept under New… → Recent.`,
    actions: [
      {
        label: "Reopen it",
        run: () => {
          keeper.expectFlowId(kept.flowId);
          store.load(kept.model, { fileName: kept.fileName, dirty: true });
        },
      },
    ],
  });
}

/** The flow this tab held before a reload (sessionStorage is per tab). */
export function readTabFlowId(): string | undefined {
  try {
    return sessionStorage.getItem(TAB_FLOW_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeTabFlowId(flowId: string): void {
  try {
    sessionStorage.setItem(TAB_FLOW_KEY, flowId);
  } catch {
    // Storage disabled: the tab simply has no memory of its flow across reloads.
  }
}
