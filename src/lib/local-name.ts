/** The name of a catalogue item (city, region, specialization) in the page's language. */
export const localName = (item: { nameRu: string; nameKk: string }, locale: string) =>
  locale === "kk" ? item.nameKk : item.nameRu;
