/**
 * Autosave and recent flows in IndexedDB: the flow being edited is written (as flowcast/v1
 * text) shortly after each change and when the page is hidden, so a reload or a crash loses
 * nothing; opened and saved flows are remembered in a short recent list.
 */
import { type Model, parseModelText, serializeModel } from "../../model";

const DB_NAME = "flowcast";
const STORE = "flows";
const AUTOSAVE_KEY = "autosave";
const RECENT_KEY = "recent";
/** Flows kept in the recent list. */
const RECENT_LIMIT = 8;

/** A flow remembered in the recent list. */
export interface RecentFlow {
  name: string;
  fileName?: string;
  /** Epoch milliseconds. */
  savedAt: number;
  text: string;
}

/** The last autosaved flow, if one was saved and still decodes. */
export async function loadAutosave(): Promise<{ model: Model; fileName?: string } | undefined> {
  const entry = (await read(AUTOSAVE_KEY)) as { text: string; fileName?: string } | undefined;
  if (!entry) return undefined;
  const parsed = parseModelText(entry.text);
  return parsed.ok ? { model: parsed.model, fileName: entry.fileName } : undefined;
}

/** Writes `model` as the autosaved flow. */
export async function writeAutosave(model: Model, fileName?: string): Promise<void> {
  await write(AUTOSAVE_KEY, { text: serializeModel(model), fileName, savedAt: Date.now() });
}

/** Recent flows, newest first. */
export async function loadRecent(): Promise<RecentFlow[]> {
  return ((await read(RECENT_KEY)) as RecentFlow[] | undefined) ?? [];
}

/** Puts `model` at the head of the recent list (one entry per name and file). */
export async function rememberRecent(model: Model, fileName?: string): Promise<void> {
  const recent = await loadRecent();
  const entry: RecentFlow = { name: model.name, fileName, savedAt: Date.now(), text: serializeModel(model) };
  const rest = recent.filter((flow) => !(flow.name === entry.name && flow.fileName === entry.fileName));
  await write(RECENT_KEY, [entry, ...rest].slice(0, RECENT_LIMIT));
}

// helpers

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
