/** The page of scripts/bench-browser-staff.ts: hands the app's staffing search on Web Workers to the script. */
import { parseModelText } from "../../src/model";
import { staffFlow } from "../../src/staff/run";
import { parseTargetExpression } from "../../src/staff/targets";
import { browserEvaluateStats, evaluateInBrowser } from "../../src/worker/browser-evaluate";

(window as unknown as { flowcastStaffBench: unknown }).flowcastStaffBench = {
  staffFlow,
  evaluateInBrowser,
  browserEvaluateStats,
  parseModelText,
  parseTargetExpression,
};
