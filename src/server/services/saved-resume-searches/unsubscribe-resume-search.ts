import type { AppLocale } from "@/i18n/routing";
import { db as defaultDb } from "@/server/db";
import type { Db } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { verifyUnsubscribeToken } from "../digest/unsubscribe-token";

// Turning one saved resume search's emails off (and back on) from the link in its email, without
// signing in: the token (purpose `rsearch`) names the saved search; the switch is its `emailOn`,
// the same one the list of saved searches shows.

interface Options {
  db?: Db;
  now?: Date;
}

export interface ResumeSearchUnsubscribeState {
  savedSearchId: number;
  organizationId: number;
  name: string;
  emailOn: boolean;
  locale: AppLocale;
}

function checkedSearchId(token: unknown, now?: Date): number {
  const check = verifyUnsubscribeToken(token, now, "rsearch");
  if (check.ok) return check.userId;
  throw new DomainError("VALIDATION", check.reason === "expired" ? "errors.unsubscribe.expired" : "errors.unsubscribe.invalid");
}

const gone = () => new DomainError("NOT_FOUND", "errors.savedResumeSearches.unsubscribeGone");

/** The saved search a token stands for, or the DomainError to show for it. Reads only. */
export async function readResumeSearchUnsubscribe(token: unknown, options: Options = {}): Promise<ResumeSearchUnsubscribeState> {
  const db = options.db ?? defaultDb;
  const id = checkedSearchId(token, options.now);
  const row = await db.savedResumeSearch.findUnique({
    where: { id },
    select: { id: true, organizationId: true, name: true, emailOn: true, user: { select: { locale: true } } },
  });
  if (!row) throw gone();
  return {
    savedSearchId: row.id,
    organizationId: row.organizationId,
    name: row.name,
    emailOn: row.emailOn,
    locale: row.user.locale,
  };
}

/** Turns the saved search's emails off (`on` false) or back on; repeating it changes nothing. */
export async function setResumeSearchEmailByToken(
  token: unknown,
  on: boolean,
  options: Options = {},
): Promise<{ savedSearchId: number; changed: boolean }> {
  const db = options.db ?? defaultDb;
  const id = checkedSearchId(token, options.now);
  const { count } = await db.savedResumeSearch.updateMany({ where: { id, emailOn: !on }, data: { emailOn: on } });
  if (count === 0 && !(await db.savedResumeSearch.findUnique({ where: { id }, select: { id: true } }))) throw gone();
  return { savedSearchId: id, changed: count > 0 };
}
