// Regional centres, the cities of republican significance and other towns where hiring is
// common. Populations are rounded recent estimates; they only rank cities, nothing is billed on them.

export interface CitySeed {
  regionSlug: string;
  slug: string;
  nameRu: string;
  nameKk: string;
  isMajor: boolean;
  population: number;
  latitude: number;
  longitude: number;
}

type Row = [
  regionSlug: string,
  slug: string,
  nameRu: string,
  nameKk: string,
  isMajor: boolean,
  population: number,
  lat: number,
  lon: number,
];

const ROWS: readonly Row[] = [
  ["almaty", "almaty", "Алматы", "Алматы", true, 2_230_000, 43.238, 76.945],
  ["astana", "astana", "Астана", "Астана", true, 1_420_000, 51.1282, 71.4306],
  ["shymkent", "shymkent", "Шымкент", "Шымкент", true, 1_230_000, 42.3155, 69.5869],

  ["abai-region", "semey", "Семей", "Семей", true, 320_000, 50.4111, 80.2275],
  ["abai-region", "ayagoz", "Аягоз", "Аягөз", false, 40_000, 47.9667, 80.4333],
  ["abai-region", "kurchatov", "Курчатов", "Курчатов", false, 12_000, 50.7558, 78.5417],

  ["akmola-region", "kokshetau", "Кокшетау", "Көкшетау", true, 150_000, 53.2833, 69.3833],
  ["akmola-region", "stepnogorsk", "Степногорск", "Степногор", false, 47_000, 52.35, 71.8833],
  ["akmola-region", "shchuchinsk", "Щучинск", "Щучинск", false, 45_000, 52.9333, 70.2],

  ["aktobe-region", "aktobe", "Актобе", "Ақтөбе", true, 530_000, 50.2839, 57.167],
  ["aktobe-region", "kandyagash", "Кандыагаш", "Қандыағаш", false, 31_000, 49.4667, 57.4167],
  ["aktobe-region", "khromtau", "Хромтау", "Хромтау", false, 27_000, 50.25, 58.4333],

  ["almaty-region", "konaev", "Конаев", "Қонаев", true, 60_000, 43.8667, 77.0667],
  ["almaty-region", "kaskelen", "Каскелен", "Қаскелең", false, 80_000, 43.2, 76.6167],
  ["almaty-region", "talgar", "Талгар", "Талғар", false, 50_000, 43.3, 77.2333],
  ["almaty-region", "esik", "Есик", "Есік", false, 40_000, 43.36, 77.45],

  ["atyrau-region", "atyrau", "Атырау", "Атырау", true, 300_000, 47.1167, 51.8833],
  ["atyrau-region", "kulsary", "Кульсары", "Құлсары", false, 60_000, 46.95, 54.0167],

  ["east-kazakhstan-region", "oskemen", "Усть-Каменогорск", "Өскемен", true, 330_000, 49.9481, 82.6279],
  ["east-kazakhstan-region", "ridder", "Риддер", "Риддер", false, 48_000, 50.3444, 83.5125],
  ["east-kazakhstan-region", "altai", "Алтай", "Алтай", false, 40_000, 49.7167, 84.2833],

  ["zhambyl-region", "taraz", "Тараз", "Тараз", true, 360_000, 42.9, 71.3667],
  ["zhambyl-region", "shu", "Шу", "Шу", false, 36_000, 43.6, 73.7667],
  ["zhambyl-region", "karatau", "Каратау", "Қаратау", false, 29_000, 43.1833, 70.4667],

  ["jetisu-region", "taldykorgan", "Талдыкорган", "Талдықорған", true, 180_000, 45.0156, 78.3739],
  ["jetisu-region", "zharkent", "Жаркент", "Жаркент", false, 45_000, 44.1667, 80.0],
  ["jetisu-region", "tekeli", "Текели", "Текелі", false, 28_000, 44.83, 78.82],

  ["west-kazakhstan-region", "oral", "Уральск", "Орал", true, 330_000, 51.2333, 51.3667],
  ["west-kazakhstan-region", "aksai", "Аксай", "Ақсай", false, 35_000, 51.1667, 52.9833],

  ["karaganda-region", "karaganda", "Караганда", "Қарағанды", true, 500_000, 49.8047, 73.1094],
  ["karaganda-region", "temirtau", "Темиртау", "Теміртау", true, 170_000, 50.0547, 72.9647],
  ["karaganda-region", "balkhash", "Балхаш", "Балқаш", false, 70_000, 46.8481, 74.995],
  ["karaganda-region", "saran", "Сарань", "Сарань", false, 42_000, 49.79, 72.84],
  ["karaganda-region", "shakhtinsk", "Шахтинск", "Шахтинск", false, 37_000, 49.71, 72.59],

  ["kostanay-region", "kostanay", "Костанай", "Қостанай", true, 250_000, 53.2144, 63.6246],
  ["kostanay-region", "rudny", "Рудный", "Рудный", true, 115_000, 52.9667, 63.1167],
  ["kostanay-region", "lisakovsk", "Лисаковск", "Лисаковск", false, 36_000, 52.5333, 62.5],
  ["kostanay-region", "arkalyk", "Аркалык", "Арқалық", false, 28_000, 50.25, 66.9167],

  ["kyzylorda-region", "kyzylorda", "Кызылорда", "Қызылорда", true, 320_000, 44.8528, 65.5092],
  ["kyzylorda-region", "aral", "Аральск", "Арал", false, 33_000, 46.8, 61.6667],

  ["mangystau-region", "aktau", "Актау", "Ақтау", true, 270_000, 43.65, 51.1667],
  ["mangystau-region", "zhanaozen", "Жанаозен", "Жаңаөзен", true, 160_000, 43.3389, 52.8614],

  ["pavlodar-region", "pavlodar", "Павлодар", "Павлодар", true, 360_000, 52.2873, 76.9674],
  ["pavlodar-region", "ekibastuz", "Экибастуз", "Екібастұз", true, 130_000, 51.7236, 75.3228],
  ["pavlodar-region", "aksu", "Аксу", "Ақсу", false, 40_000, 52.0408, 76.9247],

  ["north-kazakhstan-region", "petropavl", "Петропавловск", "Петропавл", true, 220_000, 54.8667, 69.15],

  ["turkistan-region", "turkistan", "Туркестан", "Түркістан", true, 200_000, 43.3, 68.2333],
  ["turkistan-region", "kentau", "Кентау", "Кентау", false, 70_000, 43.5167, 68.5167],
  ["turkistan-region", "arys", "Арыс", "Арыс", false, 50_000, 42.4333, 68.8],
  ["turkistan-region", "saryagash", "Сарыагаш", "Сарыағаш", false, 40_000, 41.45, 69.1667],
  ["turkistan-region", "zhetysai", "Жетысай", "Жетісай", false, 30_000, 40.775, 68.3272],

  ["ulytau-region", "zhezkazgan", "Жезказган", "Жезқазған", true, 90_000, 47.7833, 67.7],
  ["ulytau-region", "satpayev", "Сатпаев", "Сәтбаев", false, 62_000, 47.9, 67.5333],
];

export const CITIES: readonly CitySeed[] = ROWS.map(
  ([regionSlug, slug, nameRu, nameKk, isMajor, population, latitude, longitude]) => ({
    regionSlug,
    slug,
    nameRu,
    nameKk,
    isMajor,
    population,
    latitude,
    longitude,
  }),
);
