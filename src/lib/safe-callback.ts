/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/account"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.includes("\\")) return fallback;
  // Paths are locale-free for the navigation helpers; drop a leading locale if present.
  return v.replace(/^\/(ru|kk)(?=\/|$)/, "") || "/";
}
