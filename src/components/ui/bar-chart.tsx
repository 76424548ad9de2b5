// A bar chart drawn on the server as SVG: no script, scales to the width of the screen. It is a
// picture with a summary (role="img" and aria-label); the exact numbers belong in a table beside it.

export interface BarSeries {
  name: string;
  /** One value per label; negative values go below the zero line. */
  values: readonly number[];
  color: string;
}

/** Distinct on white and from one another, in the order series take them. */
const CHART_COLORS = ["#0f766e", "#c2410c", "#4338ca", "#be185d", "#a16207", "#15803d"] as const;

/** The n-th series' colour (they repeat after six). */
export const chartColor = (n: number): string => CHART_COLORS[n % CHART_COLORS.length] ?? CHART_COLORS[0];
/** For a series that takes away (refunds): grey, apart from the colours of the parts. */
export const CHART_NEGATIVE_COLOR = "#475569";

const WIDTH = 480;
const HEIGHT = 200;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 24;
const FONT = 12;

/** "2031-03-01" as "01.03". */
const shortDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

export function BarChart({
  label,
  days,
  series,
  stacked = false,
  format = String,
}: {
  /** What the chart shows, in words: the accessible name of the picture. */
  label: string;
  /** YYYY-MM-DD, one per bar (group). */
  days: readonly string[];
  series: readonly BarSeries[];
  /** Stacked bars (parts of a whole) instead of bars side by side. */
  stacked?: boolean;
  /** The scale's numbers. */
  format?: (value: number) => string;
}) {
  const n = Math.max(days.length, 1);
  // Room for the longest number of the scale (about 0.6 of the font size a character).
  const at = (s: BarSeries, i: number) => s.values[i] ?? 0;
  const extent = days.map((_, i) => {
    const values = series.map((s) => at(s, i));
    const up = stacked ? values.filter((v) => v > 0).reduce((a, v) => a + v, 0) : Math.max(0, ...values);
    const down = stacked ? values.filter((v) => v < 0).reduce((a, v) => a + v, 0) : Math.min(0, ...values);
    return { up, down };
  });
  const max = Math.max(0, ...extent.map((e) => e.up));
  const min = Math.min(0, ...extent.map((e) => e.down));
  const span = max - min || 1;
  const ticks = [max, 0, ...(min < 0 ? [min] : [])].filter((v, i, all) => all.indexOf(v) === i);
  const left = Math.max(...ticks.map((v) => format(v).length)) * FONT * 0.6 + 10;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((max - value) / span) * plotHeight;
  const slot = (WIDTH - left - RIGHT) / n;
  const barWidth = slot * 0.8;
  const x0 = (i: number) => left + i * slot + (slot - barWidth) / 2;

  const bars = days.flatMap((day, i) => {
    if (stacked) {
      let up = 0;
      let down = 0;
      return series.map((s, k) => {
        const v = at(s, i);
        const from = v >= 0 ? up : down;
        const to = from + v;
        if (v >= 0) up = to;
        else down = to;
        const top = y(Math.max(from, to));
        return <rect key={`${day}-${k}`} x={x0(i)} y={top} width={barWidth} height={Math.abs(y(from) - y(to))} fill={s.color} />;
      });
    }
    const width = barWidth / Math.max(series.length, 1);
    return series.map((s, k) => {
      const v = at(s, i);
      return (
        <rect
          key={`${day}-${k}`}
          x={x0(i) + k * width}
          y={y(Math.max(v, 0))}
          width={width}
          height={Math.abs(y(0) - y(v))}
          fill={s.color}
        />
      );
    });
  });

  const dayTicks = days.length <= 2 ? days.map((_, i) => i) : [0, Math.floor((days.length - 1) / 2), days.length - 1];

  return (
    <figure className="flex flex-col gap-2">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        fontSize={FONT}
        fontFamily="inherit"
      >
        {ticks.map((value) => (
          <g key={value}>
            <line x1={left} x2={WIDTH - RIGHT} y1={y(value)} y2={y(value)} stroke={value === 0 ? "#374151" : "#d1d5db"} />
            <text x={left - 6} y={y(value)} dy="0.35em" textAnchor="end" fill="#374151">
              {format(value)}
            </text>
          </g>
        ))}
        {bars}
        {dayTicks.map((i) => (
          <text
            key={i}
            x={left + (i + 0.5) * slot}
            y={HEIGHT - 6}
            textAnchor={i === 0 && n > 2 ? "start" : i === n - 1 && n > 2 ? "end" : "middle"}
            fill="#374151"
          >
            {shortDay(days[i] ?? "")}
          </text>
        ))}
      </svg>
      {series.length > 1 ? (
        <figcaption aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-700">
          {series.map((s) => (
            <span key={s.name} className="inline-flex items-center gap-1.5">
              <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
