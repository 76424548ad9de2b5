export type RemovedItem = { kind: "phone" | "email" | "link"; value: string };

export type CleanedDescription = { html: string; text: string; removed: RemovedItem[] };

/** A contact detail's span in the text being searched. */
export type FoundContact = { kind: RemovedItem["kind"]; start: number; end: number };
