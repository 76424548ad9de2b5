import { readFlag } from "./match-terms";

type FlagTranslator = (key: "profanity" | "prohibited" | "pyramid", values?: { term: string }) => string;

/**
 * Moderation flags as the moderator reads them (the "moderationFlags" messages): a text rule by
 * its name, a term of the list with the term itself.
 */
export function flagLabels(flags: readonly string[], t: FlagTranslator): string[] {
  return flags.map((flag) => {
    const read = readFlag(flag);
    if ("term" in read) return t(read.kind === "PROFANITY" ? "profanity" : "prohibited", { term: read.term });
    return t(read.rule as "pyramid");
  });
}
