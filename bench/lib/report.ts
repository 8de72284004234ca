import { writeFileSync } from 'node:fs';

/** A budget from the issue: absolute bounds on the value, or bounds on value / reference. */
export interface Budget {
  max?: number;
  maxRatio?: number;
  min?: number;
  minRatio?: number;
  /**
   * Why this budget is not met yet and what would meet it: judged and shown in the table like any
   * budget, but left out of --check (which would otherwise fail CI on a gap already known).
   */
  knownGap?: string;
}

/** One figure of bench/results.json. */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  reference: { name: string; value: number } | null;
  budget?: Budget;
  /** Whether every budget bound that could be evaluated holds; absent when none could be. */
  ok?: boolean;
}

/** What RESULTS.md says about how a metric (or a group of them) was measured. */
export interface Method {
  metrics: string[];
  text: string;
}

export interface Results {
  generatedAt: string;
  quick: boolean;
  metrics: Metric[];
}

/** The check runs ratios where a budget has them, else absolute bounds, with this much slack. */
export const CHECK_SLACK = 3;

/**
 * value / reference, or null when there is no usable reference: a reference must be positive. One
 * that is itself a difference of medians (a page-load floor: with a reference extension − without)
 * can come out at or below zero on a noisy run, and a ratio to it would say nothing (or flip sign).
 */
export function ratio(metric: Metric): number | null {
  const ref = metric.reference?.value;
  if (ref === undefined || !Number.isFinite(ref) || ref <= 0 || !Number.isFinite(metric.value)) return null;
  return metric.value / ref;
}

/** Each bound of the budget as [description, holds], for the bounds that can be evaluated. */
function bounds(metric: Metric, slack: number): Array<[string, boolean]> {
  const b = metric.budget;
  if (!b || !Number.isFinite(metric.value)) return [];
  const r = ratio(metric);
  const out: Array<[string, boolean]> = [];
  const value = format(metric.value);
  // A zero budget ("no added long task") counts as one unit, so slack can widen it.
  const widen = (max: number) => (slack === 1 ? max : slack * Math.max(max, 1));
  if (b.max !== undefined) {
    const limit = widen(b.max);
    out.push([`${value} > ${format(limit)}`, metric.value <= limit]);
  }
  if (b.min !== undefined) {
    const limit = b.min / slack;
    out.push([`${value} < ${format(limit)}`, metric.value >= limit]);
  }
  if (b.maxRatio !== undefined && r !== null) {
    const limit = b.maxRatio * slack;
    out.push([`ratio ${format(r)}× > ${format(limit)}×`, r <= limit]);
  }
  if (b.minRatio !== undefined && r !== null) {
    const limit = b.minRatio / slack;
    out.push([`ratio ${format(r)}× < ${format(limit)}×`, r >= limit]);
  }
  return out;
}

/** Sets `ok` from the budget (all evaluable bounds hold); leaves it out when none is evaluable. */
export function judge(metric: Metric): Metric {
  const checks = bounds(metric, 1);
  const { ok: _old, ...rest } = metric;
  return checks.length === 0 ? rest : { ...rest, ok: checks.every(([, holds]) => holds) };
}

/**
 * Units whose absolute figure does not depend on how fast or busy the machine is (a build's bytes,
 * the requests a drain makes), so an absolute bound on them is safe to check in CI.
 */
const MACHINE_INDEPENDENT_UNITS = new Set(['bytes', 'requests', 'share']);

/**
 * The --check rule: a metric fails only when broken by a wide margin, judged on what noise cannot
 * move. Where the budget has a ratio bound and the reference was measured, only the ratio is
 * checked (both sides ran on the same machine in the same run); an absolute bound is checked only
 * for machine-independent units (bytes, requests). Either is widened CHECK_SLACK times. Absolute
 * times and rates are reported, never checked: a slow or busy CI machine must not fail a build.
 */
export function wideMarginFailures(metrics: Metric[]): string[] {
  const failures: string[] = [];
  for (const metric of metrics) {
    const b = metric.budget;
    if (!b || b.knownGap) continue;
    const hasRatio = (b.maxRatio !== undefined || b.minRatio !== undefined) && ratio(metric) !== null;
    let relevant: Budget;
    if (hasRatio) relevant = { maxRatio: b.maxRatio, minRatio: b.minRatio };
    else if (MACHINE_INDEPENDENT_UNITS.has(metric.unit)) relevant = { max: b.max, min: b.min };
    else continue;
    for (const [bound, holds] of bounds({ ...metric, budget: relevant }, CHECK_SLACK)) {
      if (!holds) failures.push(`${metric.name} (${metric.unit}): ${bound}`);
    }
  }
  return failures;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en', { maximumFractionDigits: decimals });
}

function budgetText(budget: Budget | undefined): string {
  if (!budget) return '';
  const parts: string[] = [];
  if (budget.max !== undefined) parts.push(`≤ ${format(budget.max)}`);
  if (budget.min !== undefined) parts.push(`≥ ${format(budget.min)}`);
  if (budget.maxRatio !== undefined) parts.push(`≤ ${format(budget.maxRatio)}× ref`);
  if (budget.minRatio !== undefined) parts.push(`≥ ${format(budget.minRatio)}× ref`);
  if (budget.knownGap) parts.push('(known gap)');
  return parts.join(', ');
}

/** The results table (GitHub markdown). */
export function table(metrics: Metric[]): string {
  const rows = metrics.map((m) => {
    const r = ratio(m);
    const ref = m.reference ? `${m.reference.name}: ${format(m.reference.value)}` : '—';
    const ok = m.ok === undefined ? '' : m.ok ? 'yes' : '**NO**';
    return `| ${m.name} | ${format(m.value)} | ${m.unit} | ${ref} | ${r === null ? '' : `${format(r)}×`} | ${budgetText(m.budget)} | ${ok} |`;
  });
  return [
    '| metric | value | unit | reference | ratio | budget | ok |',
    '| --- | ---: | --- | --- | ---: | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The known gaps (budgets not met yet, left out of --check), as a list with their reasons. */
function knownGaps(metrics: Metric[]): string[] {
  const gaps = metrics.filter((m) => m.budget?.knownGap);
  if (gaps.length === 0) return [];
  return [
    'Known gaps (judged above, not checked by `--check` until met):',
    '',
    ...gaps.map((m) => `- \`${m.name}\`: ${m.budget?.knownGap}`),
    '',
  ];
}

/** Writes bench/results.json and bench/RESULTS.md. */
export function writeResults(options: {
  jsonPath: string;
  markdownPath: string;
  results: Results;
  methods: Method[];
  environment: string[];
  notes: string[];
}): void {
  const { results } = options;
  writeFileSync(options.jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  const failing = results.metrics.filter((m) => m.ok === false).map((m) => `\`${m.name}\``);
  const markdown = [
    '# Earmark benchmark results',
    '',
    `Generated by \`npm run bench${results.quick ? ' -- --quick' : ''}\` at ${results.generatedAt}` +
      ` (${results.quick ? 'quick run: fewer samples and items' : 'full run'}). Machine-readable: \`bench/results.json\`.`,
    '',
    ...options.environment.map((line) => `- ${line}`),
    '',
    table(results.metrics),
    '',
    failing.length
      ? `Budgets not met in this run: ${failing.join(', ')}.`
      : 'Every budget was met in this run.',
    '',
    ...knownGaps(results.metrics),
    ...(options.notes.length ? ['## Notes on this run', '', ...options.notes.map((n) => `- ${n}`), ''] : []),
    '## How each metric is measured',
    '',
    ...options.methods.flatMap((m) => [`**${m.metrics.map((n) => `\`${n}\``).join(', ')}**: ${m.text}`, '']),
    '## Running it',
    '',
    '`npm run bench` builds the production extension (`npx wxt build`) and both references, measures, and ' +
      'rewrites this file and `bench/results.json` (a full run takes several minutes). `-- --quick` takes ' +
      'fewer samples and items (under two minutes); `-- --check` applies the rule below and sets the exit ' +
      'code; `-- --no-build` measures the builds already in `.output/` (for work on the bench itself).',
    '',
    '## Budgets, `ok` and `--check`',
    '',
    '`ok` is true when every bound of the budget holds for this run: `max`/`min` bound the value, ' +
      '`maxRatio`/`minRatio` bound value ÷ reference (both measured in the same run on the same machine). ' +
      '`ok` is left out when no bound could be evaluated (e.g. a reference that could not run).',
    '',
    `\`npm run bench -- --check\` (combinable with \`--quick\`; CI runs it after the tests) exits non-zero only when a budget is broken by a wide margin, judged on what noise cannot move: where a budget has a ratio bound and its reference was measured, only the ratio is checked, widened ${CHECK_SLACK}× (ratio > ${CHECK_SLACK}× maxRatio, or < minRatio ÷ ${CHECK_SLACK}); an absolute bound is checked only for machine-independent units (bytes, requests), widened the same way (value > ${CHECK_SLACK}× max, or < min ÷ ${CHECK_SLACK}). Absolute times and rates (ms, items/s, long tasks, MB) are reported and judged in the table, never checked: a slow or busy CI machine must not fail a build.`,
    '',
  ].join('\n');
  writeFileSync(options.markdownPath, markdown);
}
