import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useElementSize } from './use-element-size';
import { usePrefersDark } from './use-prefers-dark';

export interface ChartSeries {
  label: string;
  /** One value per x; null leaves a gap (a day without calls has no latency). */
  values: (number | null)[];
  colour: string;
  dash?: number[];
}

interface TimeSeriesChartProps {
  title: string;
  /** Unix seconds, UTC midnights: the usage log counts days in UTC. */
  x: number[];
  /** Keep stable (memoised): a new array rebuilds the chart. */
  series: ChartSeries[];
  /** Keep stable (module-level): a new function rebuilds the chart. */
  formatValue(value: number): string;
  /** Shown instead of an empty axis when no series has a value. */
  emptyText: string;
  height?: number;
}

const utc = (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');

/** A titled line chart, or a plain sentence when there is nothing to plot (an empty axis reads as data). */
export function TimeSeriesChart({ title, emptyText, ...plot }: TimeSeriesChartProps) {
  const hasData = plot.series.some((s) => s.values.some((v) => v !== null));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {hasData ? (
        <Plot {...plot} title={title} />
      ) : (
        <p className="chart-empty muted" data-testid="chart-empty">
          {emptyText}
        </p>
      )}
    </figure>
  );
}

/** A uPlot line chart that fills its container's width, follows light/dark, and is destroyed with the component. */
function Plot({ title, x, series, formatValue, height = 200 }: Omit<TimeSeriesChartProps, 'emptyText'>) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const { width } = useElementSize(containerRef);
  const widthRef = useRef(width);
  const dark = usePrefersDark();
  const sized = width > 0;

  useEffect(() => {
    widthRef.current = width;
    chartRef.current?.setSize({ width, height });
  }, [width, height]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element || !sized) return;
    const css = getComputedStyle(element);
    const text = css.getPropertyValue('--fg-muted').trim();
    const grid = css.getPropertyValue('--border').trim();
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const chart = new uPlot(
      {
        width: widthRef.current,
        height,
        tzDate: utc,
        scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
        series: [
          { label: 'Day', value: (_u, v) => (v == null ? '–' : utc(v).toISOString().slice(0, 10)) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.colour,
            width: 2,
            dash: s.dash,
            points: { show: true, size: 5, fill: s.colour },
            value: (_u: uPlot, v: number | null) => (v == null ? '–' : formatValue(v)),
          })),
        ],
        axes: [axis, { ...axis, size: 64, values: (_u, splits) => splits.map(formatValue) }],
      },
      [x, ...series.map((s) => s.values)],
      element,
    );
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [x, series, formatValue, height, dark, sized]);

  return <div ref={containerRef} className="chart-canvas" role="img" aria-label={title} />;
}
