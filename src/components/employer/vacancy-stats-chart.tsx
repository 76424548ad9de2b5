"use client";

import { useId } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface VacancyStatsChartDay {
  /** YYYY-MM-DD, a calendar day in Asia/Almaty. */
  day: string;
  views: number;
  applications: number;
}

const VIEWS_COLOR = "#0d9488"; // brand-600
// The series differ in shape too (bars and a line), not only in colour.
const APPLICATIONS_COLOR = "#c2410c"; // orange-700

// Dates are written by hand rather than with Intl, so that the server's and the browser's output
// agree: DD.MM.YYYY in both Russian and Kazakh.
const fullDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const shortDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

/**
 * Views (bars, left scale) and applications (line, right scale: usually far fewer) per day. The
 * chart is a picture for sighted readers; the same numbers are in the table below it, which
 * screen readers and anyone who prefers figures can open.
 */
export function VacancyStatsChart(props: {
  days: VacancyStatsChartDay[];
  labels: { title: string; views: string; applications: string; day: string; showTable: string; tableCaption: string };
}) {
  const titleId = useId();
  const { labels, days } = props;
  return (
    <figure aria-labelledby={titleId} className="flex min-w-0 flex-col gap-3">
      <figcaption id={titleId} className="text-lg font-semibold">
        {labels.title}
      </figcaption>
      <div className="h-64 w-full min-w-0 sm:h-80" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={days} margin={{ top: 8, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e5e7eb" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDate} minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="views" allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="applications" orientation="right" allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(day) => fullDate(String(day))} />
            <Legend wrapperStyle={{ fontSize: 14 }} />
            <Bar
              yAxisId="views"
              dataKey="views"
              name={labels.views}
              fill={VIEWS_COLOR}
              radius={[2, 2, 0, 0]}
              isAnimationActive={false}
            />
            <Line
              yAxisId="applications"
              dataKey="applications"
              name={labels.applications}
              stroke={APPLICATIONS_COLOR}
              strokeWidth={2}
              dot={{ r: 3 }}
              type="monotone"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{labels.showTable}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{labels.tableCaption}</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="py-1 pr-4 font-semibold">
                  {labels.day}
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-semibold">
                  {labels.views}
                </th>
                <th scope="col" className="py-1 text-right font-semibold">
                  {labels.applications}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-b border-gray-100">
                  <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
                    <time dateTime={d.day}>{fullDate(d.day)}</time>
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{d.views}</td>
                  <td className="py-1 text-right tabular-nums">{d.applications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
