import type pg from "pg";

// Synthetic resumes for the resume database benchmark, generated inside PostgreSQL (one statement
// per batch: users, resumes and their parts), so that half a million take a minute rather than
// an hour of round trips. Shapes follow the demo data: titles and skills from a fixed vocabulary in
// Russian and Kazakh, cities and specializations of the catalogue, 70% with a desired salary, most
// with licences and languages, a few with categories a driving school confirmed, and every
// visibility setting (so that the database holds about 90% of them).

/** Titles and positions; their words are what the benchmark searches for. */
export const TITLES = [
  "Водитель категории C",
  "Водитель-экспедитор",
  "Дальнобойщик",
  "Жүргізуші",
  "Такси жүргізушісі",
  "Бухгалтер",
  "Главный бухгалтер",
  "Бас бухгалтер",
  "Менеджер по продажам",
  "Сатушы-кеңесші",
  "Продавец-консультант",
  "Кладовщик",
  "Оператор склада",
  "Сварщик",
  "Электрик",
  "Электромонтер",
  "Программист",
  "Бағдарламашы",
  "Frontend-разработчик",
  "Повар",
  "Аспаз",
  "Тракторист",
  "Машинист экскаватора",
  "Охранник",
  "Күзетші",
  "Учитель математики",
  "Мұғалім",
  "Медсестра",
  "Инженер-механик",
  "Курьер",
  "Администратор",
  "Официант",
  "Автослесарь",
  "Логист",
  "Экономист",
] as const;

export const SKILLS = [
  "Тахограф",
  "1С:Бухгалтерия",
  "Excel",
  "Погрузчик",
  "Кассовый аппарат",
  "Продажи",
  "Переговоры",
  "AutoCAD",
  "TypeScript",
  "React",
  "Сварка полуавтоматом",
  "Электромонтаж",
  "Первая помощь",
  "Ағылшын тілі",
  "Клиенттерге қызмет көрсету",
  "Логистика",
  "Складской учёт",
  "Вождение в сложных условиях",
] as const;

const BATCH_SQL = `
WITH ctx AS (
  SELECT (SELECT array_agg(id ORDER BY id) FROM cities) AS cities,
         (SELECT array_agg(id ORDER BY id) FROM regions) AS regions,
         (SELECT array_agg(id ORDER BY id) FROM specializations WHERE parent_id IS NOT NULL) AS specs,
         $3::text[] AS titles, $4::text[] AS skills
),
u AS (
  INSERT INTO users (email, name, is_seeker, email_verified_at, adult_declared_at)
  SELECT 'bench-seeker-' || g || '@bench.jumys.kz', 'Соискатель ' || g, true, now(), now()
  FROM generate_series($1::integer, $2::integer) g
  RETURNING id
),
picked AS (
  SELECT u.id AS user_id, random() AS v, random() AS s, random() AS l, random() AS d, ctx.*
  FROM u, ctx
),
r AS (
  INSERT INTO resumes (user_id, title, desired_salary, city_id, employment_types, schedules, skills, about, visibility,
                       created_at, updated_at)
  SELECT p.user_id,
         p.titles[1 + floor(p.s * array_length(p.titles, 1))::integer],
         CASE WHEN random() < 0.7 THEN (8 + floor(random() * 60))::integer * 10000 END,
         p.cities[1 + floor(random() * array_length(p.cities, 1))::integer],
         ARRAY[(ARRAY['FULL_TIME', 'FULL_TIME', 'FULL_TIME', 'PART_TIME', 'PROJECT', 'TEMPORARY'])[1 + floor(random() * 6)::integer]]::"EmploymentType"[],
         ARRAY[(ARRAY['FULL_DAY', 'FULL_DAY', 'SHIFT', 'FLEXIBLE', 'ROTATION'])[1 + floor(random() * 5)::integer]]::"WorkSchedule"[],
         ARRAY[p.skills[1 + floor(random() * array_length(p.skills, 1))::integer],
               p.skills[1 + floor(random() * array_length(p.skills, 1))::integer]],
         'Ответственный, без вредных привычек. Жауапты, тәжірибелі маман.',
         (CASE WHEN p.v < 0.85 THEN 'ALL' WHEN p.v < 0.92 THEN 'ALL_EXCEPT' WHEN p.v < 0.97 THEN 'APPLIED_ONLY' ELSE 'HIDDEN' END)::"ResumeVisibility",
         now() - p.d * interval '365 days',
         now() - p.d * interval '365 days'
  FROM picked p
  RETURNING id, user_id, title
),
spec AS (
  INSERT INTO resume_specializations (resume_id, specialization_id)
  SELECT r.id, ctx.specs[1 + floor(random() * array_length(ctx.specs, 1))::integer] FROM r, ctx
),
reloc AS (
  INSERT INTO resume_relocation_regions (resume_id, region_id)
  SELECT r.id, ctx.regions[1 + floor(random() * array_length(ctx.regions, 1))::integer] FROM r, ctx WHERE random() < 0.15
),
exp AS (
  INSERT INTO resume_experiences (resume_id, company, position, started_on, ended_on, description, sort_order)
  SELECT r.id, 'ТОО «Компания ' || k || '»', r.title,
         date_trunc('month', now() - ((k * 3 + floor(random() * 36)) * interval '1 month'))::date,
         CASE WHEN k = 1 AND random() < 0.5 THEN NULL
              ELSE date_trunc('month', now() - (((k - 1) * 3 + floor(random() * 3)) * interval '1 month'))::date END,
         'Обязанности по должности, отчётность, работа с клиентами.', k - 1
  -- Each lateral names the outer row, so that its random() is drawn per resume, not once.
  FROM r CROSS JOIN LATERAL generate_series(1, floor(random() * 4)::integer + 0 * r.id) k
),
lang AS (
  INSERT INTO resume_languages (resume_id, language, level)
  SELECT r.id, x.code, x.level::"LanguageLevel"
  FROM r CROSS JOIN LATERAL (
    SELECT * FROM (VALUES ('ru', 'C2', 0.9), ('kk', 'NATIVE', 0.6), ('en', 'B1', 0.2)) AS v(code, level, share)
    WHERE random() + 0 * r.id < v.share
  ) x
),
lic AS (
  INSERT INTO resume_licences (resume_id, category, year_obtained)
  SELECT r.id, x.category::"LicenceCategory", 2000 + floor(random() * 25)::integer
  FROM r CROSS JOIN LATERAL (
    SELECT * FROM (VALUES ('B', 0.45), ('C', 0.2), ('CE', 0.1), ('D', 0.05)) AS v(category, share)
    WHERE random() + 0 * r.id < v.share
  ) x
)
INSERT INTO verified_licences (user_id, category, school_name, certificate_date)
SELECT r.user_id, 'C', 'Автошкола «Бенчмарк»', date '2025-01-15' FROM r WHERE random() < 0.04
`;

/** Loads `count` synthetic resumes (numbered from `first`), each with its own seeker. */
export async function loadSyntheticResumes(client: pg.Client, first: number, count: number): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(BATCH_SQL, [first, first + count - 1, [...TITLES], [...SKILLS]]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
