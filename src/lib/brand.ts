// The brand colours outside CSS: the browser's theme colour, the web manifest and the generated
// images (icons, Open Graph). Keep in step with --color-brand-700 in src/app/globals.css.
export const BRAND_COLOR = "#0f766e";
export const BRAND_DARK = "#115e59";
export const BACKGROUND_COLOR = "#f9fafb";
export const ACCENT_COLOR = "#facc15";
