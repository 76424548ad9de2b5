/** A problem the user can act on; its message is one line meant to be printed as it is. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export function code(error: unknown) {
  return (error as { code?: unknown } | null)?.code === undefined ? undefined : String((error as { code: unknown }).code);
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way",
};

export function reason(error: unknown) {
  const errorCode = code(error);
  return errorCode && REASONS[errorCode] ? `${REASONS[errorCode]} (${errorCode})` : message(error);
}

export function message(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

export function firstLine(error: unknown) {
  return (
    message(error)
      .split("\n")
      .find((line) => line.trim()) ?? ""
  );
}

export function summary(lines: string[]) {
  const important = lines.filter((line) => /FATAL|PANIC|ERROR|error while loading/.test(line));
  const chosen = important.length > 0 ? important : lines.slice(-3);
  return chosen.map((line) => line.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "$1: ")).join(" | ") || "(no output)";
}
