/**
 * The flow's live diagnostics (diagnose.ts). Deferred, so typing never waits for validation;
 * a big flow (SMALL_FLOW steps or more) is checked in the flow worker, one check at a time
 * with the newest model next, so the page never blocks for the seconds a check of thousands
 * of steps takes. Until its first check returns, a big flow shows the previous list.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Diagnostic, Model } from "../../model";
import { diagnoseOffThread, SMALL_FLOW } from "../files/offThread";
import { diagnose } from "./diagnose";

export { diagnose } from "./diagnose";

export function useDiagnostics(model: Model): Diagnostic[] {
  const deferred = useDeferredValue(model);
  const small = deferred.nodes.length < SMALL_FLOW;
  const inPlace = useMemo(() => (small ? diagnose(deferred) : undefined), [deferred, small]);
  const [checked, setChecked] = useState<Diagnostic[]>([]);
  const running = useRef(false);
  const latest = useRef<Model | undefined>(undefined);
  useEffect(() => {
    if (small) return;
    latest.current = deferred;
    if (running.current) return; // the check in flight picks up the newest model when it returns
    running.current = true;
    const next = async () => {
      let model = latest.current;
      while (model) {
        const diagnostics = await diagnoseOffThread(model);
        if (latest.current === model) {
          latest.current = undefined;
          setChecked(diagnostics);
        }
        model = latest.current;
      }
      running.current = false;
    };
    void next();
  }, [deferred, small]);
  return inPlace ?? checked;
}
