// Administrative division after the 2022 reform (Abai, Jetisu and Ulytau regions created on
// 8 June 2022): 17 regions and 3 cities of republican significance, which are units of their own.

export interface RegionSeed {
  slug: string;
  nameRu: string;
  nameKk: string;
  sortOrder: number;
}

export const REGIONS: readonly RegionSeed[] = [
  { slug: "almaty", nameRu: "Алматы", nameKk: "Алматы", sortOrder: 1 },
  { slug: "astana", nameRu: "Астана", nameKk: "Астана", sortOrder: 2 },
  { slug: "shymkent", nameRu: "Шымкент", nameKk: "Шымкент", sortOrder: 3 },
  { slug: "abai-region", nameRu: "Абайская область", nameKk: "Абай облысы", sortOrder: 10 },
  { slug: "akmola-region", nameRu: "Акмолинская область", nameKk: "Ақмола облысы", sortOrder: 11 },
  { slug: "aktobe-region", nameRu: "Актюбинская область", nameKk: "Ақтөбе облысы", sortOrder: 12 },
  { slug: "almaty-region", nameRu: "Алматинская область", nameKk: "Алматы облысы", sortOrder: 13 },
  { slug: "atyrau-region", nameRu: "Атырауская область", nameKk: "Атырау облысы", sortOrder: 14 },
  { slug: "east-kazakhstan-region", nameRu: "Восточно-Казахстанская область", nameKk: "Шығыс Қазақстан облысы", sortOrder: 15 },
  { slug: "zhambyl-region", nameRu: "Жамбылская область", nameKk: "Жамбыл облысы", sortOrder: 16 },
  { slug: "jetisu-region", nameRu: "Жетысуская область", nameKk: "Жетісу облысы", sortOrder: 17 },
  { slug: "west-kazakhstan-region", nameRu: "Западно-Казахстанская область", nameKk: "Батыс Қазақстан облысы", sortOrder: 18 },
  { slug: "karaganda-region", nameRu: "Карагандинская область", nameKk: "Қарағанды облысы", sortOrder: 19 },
  { slug: "kostanay-region", nameRu: "Костанайская область", nameKk: "Қостанай облысы", sortOrder: 20 },
  { slug: "kyzylorda-region", nameRu: "Кызылординская область", nameKk: "Қызылорда облысы", sortOrder: 21 },
  { slug: "mangystau-region", nameRu: "Мангистауская область", nameKk: "Маңғыстау облысы", sortOrder: 22 },
  { slug: "pavlodar-region", nameRu: "Павлодарская область", nameKk: "Павлодар облысы", sortOrder: 23 },
  {
    slug: "north-kazakhstan-region",
    nameRu: "Северо-Казахстанская область",
    nameKk: "Солтүстік Қазақстан облысы",
    sortOrder: 24,
  },
  { slug: "turkistan-region", nameRu: "Туркестанская область", nameKk: "Түркістан облысы", sortOrder: 25 },
  { slug: "ulytau-region", nameRu: "Улытауская область", nameKk: "Ұлытау облысы", sortOrder: 26 },
];
