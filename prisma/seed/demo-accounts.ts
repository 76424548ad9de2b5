// The accounts a developer or a reviewer signs in with. They live under demo.jumys.kz so a
// demo database can never mail a real person.

export const DEMO_PASSWORD = "demo-password-2026";

export type DemoRole = "seeker" | "employer" | "school" | "admin";

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
}

export const DEMO_EMAILS: Record<DemoRole, string> = {
  seeker: "seeker@demo.jumys.kz",
  employer: "employer@demo.jumys.kz",
  school: "school@demo.jumys.kz",
  admin: "admin@demo.jumys.kz",
};

export function demoAccounts(): DemoAccount[] {
  return (Object.keys(DEMO_EMAILS) as DemoRole[]).map((role) => ({ role, email: DEMO_EMAILS[role], password: DEMO_PASSWORD }));
}

export const DEMO_SEEKER = {
  name: "Данияр Оспанов",
  phone: "+77011234567",
  citySlug: "almaty",
  resume: {
    title: "Водитель категории C",
    desiredSalary: 450_000,
    skills: ["Грузоперевозки по городу и области", "Работа с тахографом", "Оформление ТТН", "Мелкий ремонт в пути"],
    about:
      "Водитель с 10-летним стажем, последние 6 лет — на грузовых автомобилях до 20 тонн. Без аварий и лишений прав. Знаю Алматы и область, готов к командировкам.",
    specializations: ["driver-c", "driver-b"],
    relocationRegions: ["almaty-region"],
    licences: [
      { category: "B", yearObtained: 2014 },
      { category: "C", yearObtained: 2018 },
    ],
    experiences: [
      {
        company: "ТОО «Жүк Сервис Алматы»",
        position: "Водитель-экспедитор",
        startedOn: "2018-04-01",
        endedOn: "2021-08-31",
        description: "Доставка продуктов питания по торговым точкам Алматы на автомобиле категории C1.",
      },
      {
        company: "ИП «Береке Транс»",
        position: "Водитель категории C",
        startedOn: "2021-09-01",
        endedOn: null,
        description: "Перевозка строительных материалов на самосвале, рейсы по Алматинской области.",
      },
    ],
    education: {
      level: "VOCATIONAL",
      institution: "Политехнический колледж, г. Алматы",
      speciality: "Техническое обслуживание и ремонт автомобильного транспорта",
      graduationYear: 2013,
    },
    languages: [
      { language: "kk", level: "NATIVE" },
      { language: "ru", level: "C1" },
    ],
  },
} as const;
