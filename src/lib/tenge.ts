/**
 * Tenge as a person types them ("12 500", "12500,5", "-300.25") to tiyn; null for anything else
 * (more than two decimals, letters, empty). The sign is kept: the services decide what it may be.
 */
export function parseTenge(text: string): bigint | null {
  const match = /^(-?)(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ""));
  if (!match) return null;
  const tiyn = BigInt(match[2]!) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -tiyn : tiyn;
}
