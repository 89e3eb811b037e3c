import { describe, expect, it } from "vitest";
import { defaultShiftRules, draftToRules } from "./shiftRulesDraft";

describe("shift rules form", () => {
  it.each([15, 30, 60])("its defaults are valid rules at %i-minute intervals", (minutes) => {
    const checked = draftToRules(defaultShiftRules(minutes), minutes);
    expect(checked.ok).toBe(true);
  });

  it.each([
    [{ lengths: "8x" }, 'Shift lengths: "8x" is not a duration'],
    [{ from: "8am" }, 'First start: must be a time of day written "HH:MM"'],
    [{ breakLength: "45m" }, "Break length: 45 minutes is not a whole number of 30-minute planning intervals"],
    [{ breakFrom: "5h", breakTo: "5h" }, "Break by: the window is shorter than the break"],
    [{ minPerShift: 4, maxPerShift: "2" }, "Most people per shift: must not be below the fewest people per shift"],
  ])("names the form's field of a mistake: %j", (change, message) => {
    const checked = draftToRules({ ...defaultShiftRules(30), ...change }, 30);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(message);
  });
});
