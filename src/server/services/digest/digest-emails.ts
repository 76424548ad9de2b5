import type { AppLocale } from "@/i18n/routing";
import { localName } from "@/lib/local-name";
import type { Db } from "@/server/db-client";
import type { EmailToSend } from "@/server/email/mailer";
import {
  createDigestComposer,
  digestSalary,
  type DigestComposer,
  type DigestEmailGroup,
  type DigestEmailVacancy,
} from "@/server/email/templates/subscription-digest";

import type { DigestSeeker, DueSubscription } from "./digest-deliveries";
import { seeAllUrl, subscriptionsUrl, unsubscribeLinks, vacancyUrl } from "./digest-links";
import { has, type VacancyWindow } from "./vacancy-window";

const TEMPLATE = "subscription-digest";

/** `digest:{userId}:{yyyy-mm-dd}`, and for a retry after a failure the attempt's number after it. */
export const digestIdempotencyKey = (userId: number, periodDate: string, attempt: number) =>
  `digest:${userId}:${periodDate}${attempt > 1 ? `:${attempt}` : ""}`;

/** One subscription's part of an email: what matched in its window. */
export interface DigestGroupPlan {
  subscription: DueSubscription;
  query: string;
  total: number;
  vacancyIds: number[];
  /** Where its "see all" link starts. */
  seeAllSince: Date;
}

interface VacancyInfo {
  id: number;
  slug: string;
  title: string;
  salary_from: number | null;
  salary_to: number | null;
  salary_gross: boolean;
  anonymous: boolean;
  city_ru: string;
  city_kk: string;
  company: string;
}

/**
 * Builds the digest emails of a run. The parts every email shares are made once: the template's
 * pieces per language, each vacancy as a language shows it, each "see all" link.
 */
export class DigestEmailBuilder {
  private readonly vacancyInfo = new Map<number, VacancyInfo | null>();
  private readonly emailVacancies: Record<AppLocale, Map<number, DigestEmailVacancy>> = { ru: new Map(), kk: new Map() };
  private readonly searchLinks = new Map<string, string>();

  private constructor(
    private readonly db: Db,
    private readonly composers: Record<AppLocale, DigestComposer>,
    private readonly window: VacancyWindow,
    private readonly context: { appUrl: string; periodDate: string; now: Date },
  ) {}

  static async create(db: Db, window: VacancyWindow, context: { appUrl: string; periodDate: string; now: Date }) {
    const composers = { ru: await createDigestComposer("ru"), kk: await createDigestComposer("kk") };
    return new DigestEmailBuilder(db, composers, window, context);
  }

  /** Reads the vacancies the emails will show (those not read yet). */
  async loadVacancies(ids: readonly number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.vacancyInfo.has(id));
    if (missing.length === 0) return;
    const rows = await this.db.$queryRaw<VacancyInfo[]>`
      SELECT v.id, v.slug, v.title, v.salary_from, v.salary_to, v.salary_gross, v.publication_type = 'ANONYMOUS' AS anonymous,
             c.name_ru AS city_ru, c.name_kk AS city_kk, o.display_name AS company
      FROM vacancies v JOIN cities c ON c.id = v.city_id JOIN organizations o ON o.id = v.organization_id
      WHERE v.id = ANY (${missing}::integer[])`;
    for (const id of missing) this.vacancyInfo.set(id, null);
    for (const row of rows) this.vacancyInfo.set(row.id, row);
  }

  /** The seeker's email, with a group per subscription that matched; `attempt` picks the idempotency key. */
  build(seeker: DigestSeeker, groups: readonly DigestGroupPlan[], attempt: number): EmailToSend {
    const { appUrl, periodDate, now } = this.context;
    const emailGroups: DigestEmailGroup[] = groups.map((g) => ({
      name: g.subscription.name,
      total: g.total,
      seeAllUrl: this.searchLink(seeker.locale, g.query, g.seeAllSince),
      vacancies: g.vacancyIds.flatMap((id) => this.emailVacancy(id, seeker.locale) ?? []),
    }));
    const links = unsubscribeLinks(appUrl, seeker.locale, seeker.id, now);
    const composed = this.composers[seeker.locale].compose({
      name: seeker.name,
      groups: emailGroups,
      manageUrl: subscriptionsUrl(appUrl, seeker.locale),
      unsubscribeUrl: links.page,
    });
    return {
      to: seeker.email,
      subject: composed.subject,
      html: composed.html,
      text: composed.text,
      template: TEMPLATE,
      locale: seeker.locale,
      userId: seeker.id,
      headers: links.headers,
      idempotencyKey: digestIdempotencyKey(seeker.id, periodDate, attempt),
    };
  }

  private searchLink(locale: AppLocale, query: string, since: Date): string {
    const key = `${locale}\u0000${since.getTime()}\u0000${query}`;
    let url = this.searchLinks.get(key);
    if (url === undefined) this.searchLinks.set(key, (url = seeAllUrl(this.context.appUrl, locale, query, since)));
    return url;
  }

  /** A vacancy as the emails of one language show it; null when it has disappeared meanwhile. */
  private emailVacancy(id: number, locale: AppLocale): DigestEmailVacancy | null {
    const known = this.emailVacancies[locale].get(id);
    if (known) return known;
    const v = this.vacancyInfo.get(id);
    if (!v) return null;
    const city = localName({ nameRu: v.city_ru, nameKk: v.city_kk }, locale);
    const row = this.window.rowOf(id);
    const built: DigestEmailVacancy = {
      id,
      title: v.title,
      url: vacancyUrl(this.context.appUrl, locale, id, v.slug),
      meta: v.anonymous ? city : `${v.company} · ${city}`,
      salary: digestSalary(locale, v.salary_from, v.salary_to, v.salary_gross),
      premium: row !== undefined && has(this.window.premium, row),
    };
    this.emailVacancies[locale].set(id, built);
    return built;
  }
}
