import "server-only";

import { notFound } from "next/navigation";

import { refusalKey } from "@/components/legal/legal-diff-section";
import { api } from "@/trpc/server";

/** The version named in the address, or the 404 page (an unknown or malformed id). */
export function loadLegalVersion(id: string) {
  return api.admin.legal.get({ id: Number(id) }).catch((error: unknown) => {
    if (refusalKey(error) || (error instanceof Error && error.message === "errors.invalidInput")) notFound();
    throw error;
  });
}
