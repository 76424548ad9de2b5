"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface RevenueChartDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** Tenge, VAT excluded and VAT, for the picture only: the table holds the exact figures. */
  net: number;
  vat: number;
}

const NET_COLOR = "#0d9488"; // brand-600
const VAT_COLOR = "#c2410c"; // orange-700

/** Revenue per day, net and VAT stacked. A picture for sighted readers; the table beside it has the same numbers. */
export function RevenueChart({ days, labels }: { days: RevenueChartDay[]; labels: { net: string; vat: string } }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}`} />
          <YAxis width={72} />
          <Tooltip />
          <Legend />
          <Bar dataKey="net" name={labels.net} stackId="a" fill={NET_COLOR} />
          <Bar dataKey="vat" name={labels.vat} stackId="a" fill={VAT_COLOR} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
