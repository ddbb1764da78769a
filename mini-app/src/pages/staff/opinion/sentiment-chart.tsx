import { useEffect, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { SentimentSeries } from "../../../services/staff-opinion-api";

/** Feeling colours that read apart for colour-blind eyes too (red, grey, blue), with their names in the legend. */
const bars = [
  { key: "negative", name: "Tiêu cực", color: "#c62828" },
  { key: "neutral", name: "Trung tính", color: "#9e9e9e" },
  { key: "positive", name: "Tích cực", color: "#1565c0" },
] as const;

/** The chart's width follows its box (a 320 px phone or a desk screen); 300 px until it is measured. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(300);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => box.clientWidth > 0 && setWidth(box.clientWidth);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * One theme's or group's messages day by day, stacked by feeling. Its own chunk with the chart library:
 * the dashboard's figures show first, and no resident ever downloads either.
 */
export default function SentimentChart({ series, dates }: { series: SentimentSeries; dates: string[] }) {
  const [ref, width] = useWidth();
  // "20/10/2025" reads "20/10" under a bar: the year is the period's.
  const data = dates.map((date, i) => ({ day: date.slice(0, 5), ...series.byDay[i] }));
  return (
    <div ref={ref} className="opinion-chart">
      <BarChart width={width} height={200} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {bars.map((bar) => (
          <Bar key={bar.key} dataKey={bar.key} name={bar.name} stackId="feeling" fill={bar.color} />
        ))}
      </BarChart>
    </div>
  );
}
