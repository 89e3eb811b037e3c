/**
 * One dashboard chart: a titled box around a chart.js canvas, with a PNG download. Only
 * the chart.js parts the dashboard uses are registered (tree-shaken imports).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "react";
import { downloadDataUrl } from "./download";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

/** A chart named `name` (data-testid `chart-<name>`, PNG file `<fileStem>-<name>.png`). */
export function ChartView({
  name,
  title,
  config,
  fileStem,
}: {
  name: string;
  title: string;
  // biome-ignore lint/suspicious/noExplicitAny: chart.js configurations of any chart type
  config: ChartConfiguration<any, any, any>;
  fileStem: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    // White background so the PNG export is readable anywhere.
    const background = {
      id: "whiteBackground",
      beforeDraw: (c: Chart) => {
        const ctx = c.ctx;
        ctx.save();
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, c.width, c.height);
        ctx.restore();
      },
    };
    // Each chart is drawn in a task of its own, so that a dashboard of six charts never
    // holds the main thread long (no task over 100 ms while results arrive).
    const target = canvas.current;
    const timer = setTimeout(() => {
      chart.current = new Chart(target, { ...config, plugins: [...(config.plugins ?? []), background] });
    }, 0);
    return () => {
      clearTimeout(timer);
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <section className="chart-box" data-testid={`chart-${name}`}>
      <header>
        <h3>{title}</h3>
        <button
          type="button"
          data-testid={`chart-png-${name}`}
          title="Download this chart as a PNG image"
          onClick={() => {
            const image = chart.current?.toBase64Image("image/png", 1);
            if (image) downloadDataUrl(`${fileStem}-${name}.png`, image);
          }}
        >
          PNG
        </button>
      </header>
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </section>
  );
}
