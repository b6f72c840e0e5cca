// A report's chart (Recharts, SVG): stacked bars, grouped bars or lines over the categories of ChartData. The
// figures a reader relies on are in the table beside it, so the chart is decoration of that table (aria-hidden).
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartData } from './report-rows.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useWords } from '../../i18n/use-words.ts';

export function ReportChart({ chart }: { chart: ChartData }) {
  const { language } = useWords();
  const tick = (v: number) =>
    formatNumber(v, language, { maximumFractionDigits: v !== 0 && Math.abs(v) < 1 ? 2 : 1 });
  const height = chart.kind === 'lines' ? 220 : Math.max(220, Math.min(420, 60 + chart.data.length * 24));
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
      <YAxis
        allowDecimals={chart.fractions === true}
        {...(chart.domain === undefined ? {} : { domain: chart.domain })}
        tick={{ fontSize: 11 }}
        width={44}
        tickFormatter={tick}
      />
      <Tooltip formatter={(v) => (typeof v === 'number' ? tick(v) : String(v))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <div className="report-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        {chart.kind === 'lines' ? (
          <LineChart data={chart.data} accessibilityLayer={false}>
            {axes}
            {chart.series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={chart.data} accessibilityLayer={false}>
            {axes}
            {chart.series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                isAnimationActive={false}
                {...(chart.kind === 'stacked' ? { stackId: 'all' } : {})}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
