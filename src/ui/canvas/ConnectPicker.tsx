/**
 * Connecting with the keyboard: a port's dot takes focus (Tab), Enter or Space opens this
 * picker of the steps it can lead to, type to narrow the list, arrows and Enter choose, and
 * the port is connected (re-pointed if it already led somewhere) as one undo step. Escape
 * closes it and focus goes back to the port.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { DEFAULT_PORT, edgePort, nodeLabel } from "../../model";
import { humaniseName } from "../shell/humanise";
import { type FlowStore, useFlowState } from "../state/store";
import { connect } from "./edits";

interface Asked {
  from: string;
  port: string;
  /** The port's dot, focused again when the picker closes. */
  back: HTMLElement | null;
}

let asked: Asked | null = null;
const listeners = new Set<() => void>();

/** Opens the picker for `port` of step `from`. */
export function openConnectPicker(from: string, port: string, back: HTMLElement | null): void {
  asked = { from, port, back };
  for (const listener of listeners) listener();
}

function close(): void {
  const back = asked?.back;
  asked = null;
  for (const listener of listeners) listener();
  back?.focus();
}

export function ConnectPicker({ store }: { store: FlowStore }) {
  const open = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => asked,
  );
  if (!open) return null;
  return <Picker store={store} asked={open} />;
}

// helpers

function Picker({ store, asked: { from, port } }: { store: FlowStore; asked: Asked }) {
  const model = useFlowState(store, (s) => s.model);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const source = model.nodes.find((n) => n.id === from);
  const current = model.edges.find((e) => e.from === from && edgePort(e) === port)?.to;
  const choices = useMemo(() => {
    const wanted = text.trim().toLowerCase();
    return model.nodes
      .filter((n) => n.id !== from && n.kind !== "channel")
      .filter((n) => !wanted || nodeLabel(n).toLowerCase().includes(wanted) || n.id.toLowerCase().includes(wanted));
  }, [model, from, text]);
  useEffect(() => input.current?.focus(), []);
  if (!source) return null;
  const portName = port === DEFAULT_PORT ? "" : ` (${humaniseName(port)})`;
  const choose = (to: string) => {
    store.edit(`Connect ${nodeLabel(source)}${portName}`, (draft) => void connect(draft, from, port, to));
    close();
  };
  const listId = "connect-picker-list";
  return (
    <div
      className="connect-picker"
      role="dialog"
      aria-label={`Connect ${nodeLabel(source)}${portName} to`}
      data-testid="connect-picker"
    >
      <label className="connect-picker-title" htmlFor="connect-picker-input">
        Connect <strong>{nodeLabel(source)}</strong>
        {portName} to…
      </label>
      <input
        id="connect-picker-input"
        ref={input}
        data-testid="connect-picker-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={choices[active] ? `connect-to-${choices[active].id}` : undefined}
        autoComplete="off"
        value={text}
        placeholder="Type to find a step"
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, choices.length - 1));
          else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
          else if (event.key === "Enter" && choices[active]) choose(choices[active].id);
          else if (event.key === "Escape") close();
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
        onBlur={(event) => {
          if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null)) close();
        }}
      />
      <div className="connect-picker-list" id={listId} role="listbox" aria-label="Steps">
        {choices.map((node, i) => (
          <div
            key={node.id}
            tabIndex={-1}
            id={`connect-to-${node.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "is-active" : ""}
            data-testid={`connect-to-${node.id}`}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(node.id);
            }}
          >
            {nodeLabel(node)}
            {node.id === current ? " (now)" : ""}
          </div>
        ))}
        {choices.length === 0 ? <div className="connect-picker-none">No step matches</div> : null}
      </div>
    </div>
  );
}
