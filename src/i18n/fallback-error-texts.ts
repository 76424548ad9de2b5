import type { AppLocale } from "./routing";

/**
 * The error page's texts for the one screen that renders without the locale layout: the failure
 * page shown when the layout itself fails (it has no catalogue to read from, and bundling both
 * catalogues into every page's JavaScript for it would be wasteful). A test holds them equal to the
 * catalogues' `errorPage` namespace.
 */
export const fallbackErrorTexts: Record<AppLocale, { title: string; text: string; retry: string; home: string }> = {
  ru: {
    title: "Что-то пошло не так",
    text: "Страница не открылась из-за ошибки на нашей стороне. Попробуйте ещё раз — если не поможет, вернитесь позже.",
    retry: "Попробовать ещё раз",
    home: "На главную",
  },
  kk: {
    title: "Бірдеңе дұрыс болмады",
    text: "Біздің тараптағы қатеге байланысты бет ашылмады. Қайталап көріңіз — көмектеспесе, кейінірек оралыңыз.",
    retry: "Қайталап көру",
    home: "Басты бетке",
  },
};
