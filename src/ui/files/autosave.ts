/**
 * Autosave and recent flows: the flow being edited is written (as flowcast/v1 text) to
 * IndexedDB shortly after each change, and synchronously to localStorage when the page is
 * hidden or left (an IndexedDB write started in `pagehide` may never commit), so a reload
 * loses nothing; the newer of the two wins on start. Every flow the user worked on is kept
 * in the recent list under its own id, so replacing it on the canvas never loses it.
 * A saved flow that no longer decodes (or tries to touch the page's prototypes) is refused
 * and kept aside for download.
 */
import { type Model, serializeModel } from "../../model";
import { parseFlowOffThread, serializeFlowOffThread } from "./offThread";

const DB_NAME = "flowcast";
const STORE = "flows";
const AUTOSAVE_KEY = "autosave";
const RECENT_KEY = "recent";
const REFUSED_KEY = "refused";
/** localStorage key of the copy written synchronously when the page goes away. */
const PENDING_KEY = "flowcast:autosave";
/** Flows kept in the recent list: every flow a person works on in weeks, not a short MRU. */
const RECENT_LIMIT = 60;

/** A flow remembered in the recent list. */
export interface RecentFlow {
  /** Identity of the flow across edits and renames (one per flow opened, made or copied). */
  flowId?: string;
  name: string;
  fileName?: string;
  /** Epoch milliseconds. */
  savedAt: number;
  text: string;
}

/** A saved flow the app refused to open, with why and its text for download. */
export interface RefusedFlow {
  name: string;
  problems: string[];
  text: string;
}

export type RestoredFlow =
  | { ok: true; model: Model; fileName?: string; flowId?: string }
  | { ok: false; refused: RefusedFlow };

interface AutosaveEntry {
  text: string;
  fileName?: string;
  flowId?: string;
  savedAt: number;
}

/**
 * The last autosaved flow (the newest of IndexedDB and the unload copy), or why it was
 * refused. With `tabFlowId` (the flow this tab held before a reload) that flow is preferred,
 * from the recent list if another tab autosaved since.
 */
export async function loadAutosave(tabFlowId?: string): Promise<RestoredFlow | undefined> {
  const stored = (await read(AUTOSAVE_KEY)) as AutosaveEntry | undefined;
  const recent = tabFlowId ? (await loadRecent()).find((flow) => flow.flowId === tabFlowId) : undefined;
  const candidates = [readPending(), stored, recent].filter(
    (entry): entry is AutosaveEntry => typeof entry?.text === "string" && typeof entry.savedAt === "number",
  );
  const own = candidates.filter((entry) => tabFlowId && entry.flowId === tabFlowId);
  const entry = newest(own.length > 0 ? own : candidates.slice(0, 2));
  if (!entry) return undefined;
  // In the flow worker when big: restoring a flow of thousands of steps never freezes the page.
  const parsed = await parseFlowOffThread(entry.text);
  if (parsed.ok) return { ok: true, model: parsed.model, fileName: entry.fileName, flowId: entry.flowId };
  const refused: RefusedFlow = {
    name: entry.fileName ?? "autosaved-flow.json",
    problems: parsed.problems,
    text: entry.text,
  };
  // Kept aside so the next autosave cannot overwrite the only copy.
  await write(REFUSED_KEY, refused).catch(() => undefined);
  return { ok: false, refused };
}

export interface AutosaveOptions {
  fileName?: string;
  flowId?: string;
  /** Also update the flow's entry in the recent list (the user's own work, not an untouched sample). */
  remember?: boolean;
}

/** Writes `model` as the autosaved flow, and (with `remember`) as its entry in the recent list. */
export async function writeAutosave(model: Model, options: AutosaveOptions = {}): Promise<void> {
  const { fileName, flowId } = options;
  const text = await serializeFlowOffThread(model);
  await write(AUTOSAVE_KEY, { text, fileName, flowId, savedAt: Date.now() } satisfies AutosaveEntry);
  clearPending();
  if (options.remember) await rememberRecent(model, fileName, flowId, text);
}

/**
 * Writes `model` synchronously where a page being unloaded can still write (localStorage),
 * for `pagehide`. Too large a flow for localStorage falls back to the IndexedDB write alone.
 */
export function writeAutosaveNow(model: Model, options: AutosaveOptions = {}): void {
  const { fileName, flowId } = options;
  const entry: AutosaveEntry = { text: serializeModel(model), fileName, flowId, savedAt: Date.now() };
  try {
    localStorage.setItem(PENDING_KEY, JSON.stringify(entry));
  } catch {
    // Quota exceeded or storage disabled: the asynchronous write below is all there is.
  }
  void writeAutosave(model, options).catch(() => undefined);
}

/** Recent flows, newest first. */
export async function loadRecent(): Promise<RecentFlow[]> {
  const recent = await read(RECENT_KEY);
  return Array.isArray(recent) ? (recent as RecentFlow[]) : [];
}

/**
 * Puts `model` at the head of the recent list: one entry per flow id (else per name and
 * file), so two unsaved flows both called "New flow" are both kept.
 */
export async function rememberRecent(model: Model, fileName?: string, flowId?: string, text?: string): Promise<void> {
  const recent = await loadRecent();
  const entry: RecentFlow = {
    flowId,
    name: model.name,
    fileName,
    savedAt: Date.now(),
    text: text ?? (await serializeFlowOffThread(model)),
  };
  const same = (flow: RecentFlow) =>
    flowId ? flow.flowId === flowId : !flow.flowId && flow.name === entry.name && flow.fileName === entry.fileName;
  await write(RECENT_KEY, [entry, ...recent.filter((flow) => !same(flow))].slice(0, RECENT_LIMIT));
}

/** A fresh flow id. */
export function newFlowId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// helpers

function newest(entries: AutosaveEntry[]): AutosaveEntry | undefined {
  return entries.reduce<AutosaveEntry | undefined>(
    (best, entry) => (!best || entry.savedAt > best.savedAt ? entry : best),
    undefined,
  );
}

function readPending(): AutosaveEntry | undefined {
  try {
    const raw = localStorage.getItem(PENDING_KEY);
    if (!raw) return undefined;
    const entry = JSON.parse(raw) as AutosaveEntry;
    return typeof entry?.text === "string" && typeof entry.savedAt === "number" ? entry : undefined;
  } catch {
    return undefined;
  }
}

function clearPending(): void {
  try {
    localStorage.removeItem(PENDING_KEY);
  } catch {
    // Storage disabled: nothing was written there either.
  }
}

let db: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  db ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return db;
}

async function read(key: string): Promise<unknown> {
  try {
    const database = await open();
    return await new Promise((resolve, reject) => {
      const request = database.transaction(STORE, "readonly").objectStore(STORE).get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } catch {
    return undefined;
  }
}

async function write(key: string, value: unknown): Promise<void> {
  const database = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = database.transaction(STORE, "readwrite");
    tx.objectStore(STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
