import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { type TrendsModel, weekLabel } from '@/lib/hub/review/trends-data';

// Only what a stacked bar chart needs, so the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const STACKS = { failure: 'Failure demand', value: 'Value demand', other: 'Other' } as const;

/**
 * Captures per tag per week: each week has a bar of failure demand and a bar of value demand,
 * each stacked from its tags, coloured by category (warm = failure, cool = value).
 */
export function TrendsChart({ model }: { model: TrendsModel }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: model.weeks.map(weekLabel),
        datasets: model.series.map((s) => ({
          label: `${s.label} (${s.category})`,
          data: s.counts,
          stack: STACKS[s.demand],
          backgroundColor: s.color,
          borderWidth: 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // No animation: the chart is data, and motion would make screenshots and screen readers wait.
        animation: false,
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: {
            stacked: true,
            title: {
              display: true,
              text: 'Week starting (UTC); left bar failure demand, right bar value demand',
            },
          },
          y: {
            stacked: true,
            beginAtZero: true,
            title: { display: true, text: 'Captures' },
            ticks: { precision: 0 },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
          tooltip: {
            callbacks: {
              footer: (items) => (items[0]?.dataset.stack ? `Stack: ${items[0].dataset.stack}` : ''),
            },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [model]);

  return (
    <div className="em-chart">
      <canvas ref={canvas} role="img" aria-label="Captures per tag per week">
        Captures per tag per week; the same numbers are in the data table.
      </canvas>
    </div>
  );
}
