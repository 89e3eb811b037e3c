/**
 * Names from the file (outcome ports like "followUp", "needsEvidence", "no_reply") as a
 * person reads them: "Follow-up", "Needs evidence", "No reply". The file keeps its ids; only
 * what is shown changes.
 */

/** Words a contact centre hyphenates when they are one thing. */
const HYPHENATED: Record<string, string> = { "follow up": "follow-up", "self service": "self-service" };

/** "followUp" -> "Follow-up", "repeatContact" -> "Repeat contact", "L2" stays "L2". */
export function humaniseName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((word) => (/^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase()));
  let text = words.join(" ");
  for (const [from, to] of Object.entries(HYPHENATED)) text = text.replace(new RegExp(`\\b${from}\\b`, "g"), to);
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : name;
}
