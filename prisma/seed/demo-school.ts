import { almatyDay } from "@/lib/almaty-time";
import { makeIin } from "@/lib/kz-identifiers";
import type { Db } from "@/server/db-client";
import { adjustBalance } from "@/server/services/billing/adjust-balance";
import { addCartLine } from "@/server/services/billing/change-cart";
import { checkout } from "@/server/services/billing/checkout";
import { priceList } from "@/server/services/billing/tariffs";
import { changeTraineeStatus } from "@/server/services/schools/change-trainee-status";
import { createGroup } from "@/server/services/schools/create-group";
import { createTrainee } from "@/server/services/schools/create-trainee";

import { DEMO_EMAILS } from "./demo-accounts";

/** Months of the school plan the demo school buys: a year, so a demo database stays writable. */
const PLAN_MONTHS = 12;
/** The synthetic graduate whose invitation waits in the outbox, ready to claim. */
export const DEMO_GRADUATE_EMAIL = "graduate@demo.jumys.kz";

const SURNAMES = ["Ахметов", "Сериков", "Жумабаев", "Нурланов", "Касымов", "Оспанов", "Иванов", "Ким", "Абенов", "Мусин"];
const FIRST_NAMES = ["Нурлан", "Ерлан", "Данияр", "Арман", "Тимур", "Азамат", "Сергей", "Руслан", "Бауыржан", "Олжас"];
const PATRONYMICS = ["Болатович", "Серикович", "Маратович", "Ерланович", "Кайратович"];

function day(today: string, days: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The demo driving school's working state, through the same services a school uses: a year of
 * the monthly plan bought from a credited balance, two groups (category C, finished; category B,
 * running) and 20 synthetic adult trainees with check-digit-valid IINs, one of them graduated
 * with an email, so the invitation to claim a seeker account is in the outbox
 * (/ru/dev/outbox). Each part is skipped when already there; runs on the application's client
 * like seedDemoCredits.
 */
export async function seedDemoSchool(db: Db, options: { log?: (line: string) => void } = {}): Promise<boolean> {
  const log = options.log ?? (() => {});
  const [admin, owner] = await Promise.all([
    db.user.findUnique({ where: { email: DEMO_EMAILS.admin }, select: { id: true } }),
    db.membership.findFirst({
      where: {
        role: "OWNER",
        user: { email: DEMO_EMAILS.school },
        organization: { type: "DRIVING_SCHOOL", verification: "VERIFIED", blockedAt: null },
      },
      select: { userId: true, organizationId: true },
    }),
  ]);
  if (!admin || !owner) return false;
  const { organizationId } = owner;
  const actor = { userId: owner.userId, ip: null };
  let changed = false;

  if ((await db.entitlement.count({ where: { organizationId, kind: "SCHOOL_PLAN" } })) === 0) {
    const price = (await priceList()).find((p) => p.code === "school.plan.month")?.price.priceTiyn;
    if (price !== undefined) {
      await adjustBalance({
        organizationId,
        amountTiyn: price * BigInt(PLAN_MONTHS),
        reason: "Демо-данные: баланс для тарифа автошколы",
        actor: { userId: admin.id, ip: null },
      });
      await addCartLine({ organizationId, productCode: "school.plan.month", quantity: PLAN_MONTHS, actor });
      await checkout({ organizationId, method: "BALANCE", actor });
      log(`bought the demo school a ${PLAN_MONTHS}-month plan`);
      changed = true;
    }
  }

  if ((await db.trainee.count({ where: { organizationId } })) === 0) {
    const today = almatyDay(new Date());
    const finished = await createGroup(actor, organizationId, {
      name: "C-демо-1",
      category: "C",
      startsOn: day(today, -100),
      endsOn: day(today, -3),
      instructorId: null,
      schedule: "Пн, Ср, Пт 18:00–21:00",
    });
    const running = await createGroup(actor, organizationId, {
      name: "B-демо-2",
      category: "B",
      startsOn: day(today, -20),
      endsOn: day(today, 70),
      instructorId: null,
      schedule: "Вт, Чт 19:00–21:00; Сб 10:00–14:00",
    });
    for (let i = 0; i < 20; i++) {
      const inC = i < 8;
      const year = 1975 + ((i * 7) % 28);
      const month = (i % 12) + 1;
      const dayOfMonth = ((i * 5) % 27) + 1;
      const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
      const isGraduate = i === 0;
      const trainee = await createTrainee(actor, organizationId, {
        fullName: isGraduate
          ? "Ахметов Нурлан Болатович"
          : `${SURNAMES[i % SURNAMES.length]} ${FIRST_NAMES[(i * 3) % FIRST_NAMES.length]} ${PATRONYMICS[i % PATRONYMICS.length]}`,
        iin: makeIin({ year, month, day: dayOfMonth }, "male", 100 + i),
        birthDate,
        sex: "MALE",
        phone: `+7 701 555 ${String(1000 + i).slice(0, 2)} ${String(10 + i)}`,
        email: isGraduate ? DEMO_GRADUATE_EMAIL : null,
        category: inC ? "C" : "B",
        groupId: inC ? finished.id : running.id,
        guardian: null,
      });
      if (i < 12) await changeTraineeStatus(actor, organizationId, trainee.id, { status: "STUDYING" });
      if (isGraduate) {
        await changeTraineeStatus(actor, organizationId, trainee.id, {
          status: "GRADUATED",
          certificate: { number: "АШ-ДЕМО-0001", date: day(today, -1) },
        });
      }
    }
    log(
      `filled the demo school's registry: 2 groups, 20 trainees, the graduate's invitation to ${DEMO_GRADUATE_EMAIL} is in the outbox`,
    );
    changed = true;
  }
  return changed;
}
