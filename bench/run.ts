// `npm run bench [-- --quick] [-- --check]`: builds the extension and its references, drives real
// Chromium, and writes bench/results.json and bench/RESULTS.md. See RESULTS.md for every method.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateSecret } from '../lib/config/secret';
import type { Endpoint } from '../lib/config/settings';
import type { Item } from '../lib/schema';
import { type CrmServer, startCrmServer } from '../scripts/harness/crm-server';
import { launchWithExtension } from '../scripts/harness/launch';
import { configure, openExtensionPage } from '../tests/e2e/support/extension';
import { type Receiver, startReceiver } from '../tests/e2e/support/receiver';
import {
  killWorker,
  launchPlain,
  managedPolicyFiles,
  type PolicyWatch,
  waitForNoManagedPolicy,
  watchManagedPolicy,
  workerHeapBytes,
} from './lib/browsers';
import {
  BENCH_DIR,
  BENCH_EXTENSION_DIR,
  buildAll,
  eagerContentScriptBytes,
  fileBytes,
  OVERLAY_DIR,
  snapshotExtension,
} from './lib/build';
import { type Budget, judge, type Metric, table, wideMarginFailures, writeResults } from './lib/report';
import { ensureSettledSnapshot, spoilSnapshot, waitForSettledSnapshot } from './lib/snapshots';
import { median, percentile, round } from './lib/stats';
import { METHODS } from './methods';
import { measureColdClicks, measureFirstClicks, measureWarmClicks, openSidebarPage } from './suites/clicks';
import { measureHub } from './suites/hub';
import { type OptionsOpen, openOptions } from './suites/options-page';
import { type LoadSample, measureLoads } from './suites/page-load';
import {
  measureCaptures,
  measureDrain,
  openPopup,
  pendingItems,
  seedQueue,
  waitForEmptyQueue,
} from './suites/queue';
import { measureStorageReferences, measureWorkboxDrain } from './suites/references';
import { measureSidePanelClicks, sidePanelLoads } from './suites/side-panel';
import {
  sidebarMarkup,
  writeButtonOnlyExtension,
  writeFramedSidebarExtension,
  writeStaticSidebarExtension,
} from './suites/static-sidebar';
import { measureThemeQuality } from './suites/theme-quality';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const check = args.has('--check');
// For iterating on the bench itself: measure the builds already in .output/.
const build = !args.has('--no-build');
const unknown = [...args].filter((a) => !['--quick', '--check', '--no-build'].includes(a));
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}; use --quick, --check and/or --no-build`);
  process.exit(2);
}

const P = quick
  ? {
      loads: 10,
      warmLoads: 1,
      settleMs: 300,
      warmClicks: 10,
      coldClicks: 6,
      firstClicks: 5,
      captures: 1000,
      storageMs: 3000,
      popups: 3,
      // One request per item at a steady rate: half the items give the same items/s in half the time.
      workboxItems: 500,
    }
  : {
      loads: 30,
      warmLoads: 3,
      settleMs: 500,
      warmClicks: 30,
      coldClicks: 15,
      firstClicks: 15,
      captures: 10_000,
      storageMs: 10_000,
      popups: 5,
      workboxItems: 10_000,
    };
const CONCURRENCY = 16;
const SEEDED = 100_000;
const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
const HOST = new URL(ZENDESK).hostname;
const MB = 1024 * 1024;

const started = Date.now();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const metrics: Metric[] = [];
let chromiumVersion = '';
const notes: string[] = [];
const add = (metric: Metric) => metrics.push(metric);
const ref = (name: string, value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { name, value };
/** Adds a latency's median and 95th percentile in ms; only the p95 carries a budget. */
const addPercentiles = (samples: number[], [p50, p95]: [string, string], p95Budget: Budget) => {
  add({ name: p50, value: round(percentile(samples, 50)), unit: 'ms', reference: null });
  add({ name: p95, value: round(percentile(samples, 95)), unit: 'ms', reference: null, budget: p95Budget });
};

async function main(): Promise<void> {
  const load = loadavg()[0] ?? 0;
  if (build) await buildAll(log);
  else notes.push('Run with --no-build: the builds already in .output/ were measured.');
  snapshotExtension();

  // Eager content-script bytes: what the manifest injects into every matching page.
  const ours = eagerContentScriptBytes(BENCH_EXTENSION_DIR);
  const overlay = eagerContentScriptBytes(OVERLAY_DIR);
  add({
    name: 'content_script_eager_gzip_bytes',
    value: ours.gzip,
    unit: 'bytes',
    reference: ref('reference_overlay_gzip_bytes', overlay.gzip),
    budget: { max: 30_000, maxRatio: 0.4 },
  });
  add({
    name: 'content_script_eager_raw_bytes',
    value: ours.raw,
    unit: 'bytes',
    reference: ref('reference_overlay_raw_bytes', overlay.raw),
  });
  notes.push(
    `Eager files: ${ours.files.join(', ')} (Earmark); ${overlay.files.join(', ')} (reference overlay).`,
  );
  // The overlay launcher the stub imports where the page shows the in-page sidebar.
  const launcherModule = fileBytes(BENCH_EXTENSION_DIR, 'sidebar-launcher.js');
  add({ name: 'overlay_launcher_gzip_bytes', value: launcherModule.gzip, unit: 'bytes', reference: null });
  add({ name: 'overlay_launcher_raw_bytes', value: launcherModule.raw, unit: 'bytes', reference: null });
  // The sidebar app the launcher imports when the sidebar is open: all of Earmark's UI on the page.
  const app = fileBytes(BENCH_EXTENSION_DIR, 'sidebar-app.js');
  add({
    name: 'sidebar_app_gzip_bytes',
    value: app.gzip,
    unit: 'bytes',
    reference: ref('reference_overlay_gzip_bytes', overlay.gzip),
  });
  add({ name: 'sidebar_app_raw_bytes', value: app.raw, unit: 'bytes', reference: null });

  // Managed policy is machine-wide: a test policy written by another run on this machine changes
  // the extension's configuration (taxonomy, endpoints) under our feet. Such a run is measured again
  // (only a policy seen while the extension's browser runs counts).
  const keep = { metrics: metrics.length, notes: notes.length };
  for (let attempt = 1; ; attempt++) {
    if (!(await waitForNoManagedPolicy(120_000, log))) {
      throw new Error(
        `a managed policy stayed in place (${managedPolicyFiles().join(', ')}); run the bench alone`,
      );
    }
    const watch = watchManagedPolicy();
    let failure: unknown = null;
    try {
      await measureInBrowsers(watch);
    } catch (error) {
      failure = error;
    } finally {
      watch.stop();
    }
    if (!watch.seen()) {
      if (failure) throw failure;
      break;
    }
    if (attempt >= 3) {
      if (failure) throw failure;
      notes.push('A managed policy file (another run on this machine) was present during the measurement.');
      break;
    }
    log(
      `a managed policy appeared during the measurement${failure ? ` (${String(failure)})` : ''}: measuring again`,
    );
    metrics.length = keep.metrics;
    notes.length = keep.notes;
    notes.push(
      `Measured again (attempt ${attempt + 1}) after a managed policy from another run on this machine ` +
        `appeared ${Math.round((Date.now() - started) / 1000)} s into the run; the run time includes the discarded attempt.`,
    );
  }

  // The hub (server/): no browser involved, so it runs after the browser measurements.
  const hub = await measureHub({ quick, log, databaseUrl: process.env.DATABASE_URL });
  metrics.push(...hub.metrics);
  notes.push(...hub.notes);
  // Theme quality on the labelled notes: the figures the quality test asserts, in the same table.
  const quality = measureThemeQuality();
  metrics.push(...quality.metrics);
  notes.push(...quality.notes);

  const results = {
    generatedAt: new Date().toISOString(),
    quick,
    metrics: metrics.map(judge),
  };
  const seconds = Math.round((Date.now() - started) / 1000);
  writeResults({
    jsonPath: join(BENCH_DIR, 'results.json'),
    markdownPath: join(BENCH_DIR, 'RESULTS.md'),
    results,
    methods: METHODS,
    environment: [
      `${chromiumVersion || 'Chromium'} (headless), Node ${process.version}, ${cpus().length} CPU cores ` +
        `(1-min load average at start ${load.toFixed(2)}; the machine is shared, so compare ratios within a run).`,
      `Samples: ${P.loads} page loads each with the extension (painted, stale, side panel chosen), without it and with the three references, ` +
        `${P.warmClicks} warm, ${P.coldClicks} cold, ${P.firstClicks} first and ${P.warmClicks} side-panel clicks, ` +
        `${P.captures.toLocaleString('en')} captures and drained items, ${P.popups} popup opens; the whole run took ${seconds} s.`,
    ],
    notes,
  });
  console.log(`\n${table(results.metrics)}\n`);
  log('wrote bench/results.json and bench/RESULTS.md');
  if (check) {
    const failures = wideMarginFailures(results.metrics);
    if (failures.length) {
      console.error(
        `bench --check: ${failures.length} budget(s) broken by a wide margin:\n  ${failures.join('\n  ')}`,
      );
      process.exitCode = 1;
    } else {
      log('--check: no budget is broken by a wide margin');
    }
  }
}

/** Everything measured in Chromium: the extension, the browser without it, and the references. */
async function measureInBrowsers(watch: PolicyWatch): Promise<void> {
  const secret = generateSecret();
  const crm = await startCrmServer();
  const receiver = await startReceiver();
  try {
    await measureWithServers(crm, receiver, secret, watch);
  } finally {
    await receiver.close();
    await crm.close();
  }
}

/** The extension's measurements and the references, against one CRM server and one receiver. */
async function measureWithServers(
  crm: CrmServer,
  receiver: Receiver,
  secret: string,
  watch: PolicyWatch,
): Promise<void> {
  const endpoint: Endpoint = { id: 'receiver', name: 'Bench receiver', url: receiver.url, secret };
  const browser = await launchWithExtension({
    hostResolverRules: crm.hostResolverRules,
    extensionDir: BENCH_EXTENSION_DIR,
  });
  let drained: Item[] = [];
  try {
    await configure(browser.worker, [endpoint], 1);

    // Page load with vs without the extension, and sidebar readiness, on the same loads.
    log(
      `page loads: ${P.loads} each with the extension (sidebar painted, stale, side panel chosen), without it, and with the static-sidebar, framed-sidebar and button-only references (+${P.warmLoads} warm-up each)`,
    );
    const markup = await sidebarMarkup(browser.context, ZENDESK);
    const matches = [`${new URL(ZENDESK).origin}/*`];
    // The steady state: the site has a current sidebar snapshot, so loads paint it without the app.
    const settled = () =>
      ensureSettledSnapshot(browser.worker, HOST, () => openSidebarPage(browser, ZENDESK));
    await settled();
    const plain = await launchPlain({ hostResolverRules: crm.hostResolverRules });
    const reference = (dir: string) =>
      launchPlain({ hostResolverRules: crm.hostResolverRules, extensionDirs: [dir] });
    const staticSidebar = await reference(writeStaticSidebarExtension(markup, matches));
    const framedSidebar = await reference(writeFramedSidebarExtension(markup, matches));
    const buttonOnly = await reference(writeButtonOnlyExtension(matches));
    let loads: Awaited<
      ReturnType<typeof measureLoads<'static' | 'framed' | 'button', 'stale' | 'sidePanel'>>
    >;
    try {
      loads = await measureLoads({
        withExtension: browser.context,
        without: plain.context,
        references: {
          static: staticSidebar.context,
          framed: framedSidebar.context,
          button: buttonOnly.context,
        },
        variants: {
          // Stale loads: the snapshot no longer matches (a capture or setting changed elsewhere).
          stale: {
            before: () => spoilSnapshot(browser.worker, HOST),
            after: async () => {
              await settled();
            },
            waitFor: 'sidebar',
          },
          // The agent chose the browser's side panel for the site: the page shows only its button.
          sidePanel: sidePanelLoads(browser.worker, HOST),
        },
        url: ZENDESK,
        runs: P.loads,
        warmup: P.warmLoads,
        settleMs: P.settleMs,
        log,
      });
    } finally {
      await plain.close();
      await staticSidebar.close();
      await framedSidebar.close();
      await buttonOnly.close();
    }
    const med = (
      samples: LoadSample[],
      key: 'taskMs' | 'scriptMs' | 'heapBytes' | 'longTasks' | 'cpuMs' | 'compileMs',
    ) => median(samples.map((s) => s[key]));
    const withoutTaskMs = med(loads.without, 'taskMs');
    const withoutRef = ref('page_without_extension_task_ms', round(withoutTaskMs));
    const { stale, sidePanel } = loads.variants;
    const added = (samples: LoadSample[]) => round(med(samples, 'taskMs') - withoutTaskMs);
    // The floor: the same sidebar markup put on the page at once (the static-sidebar reference).
    // The page-load budgets are ratios to it, measured on the same rounds, which noise cannot break.
    const floor = ref('load_static_sidebar_added_main_thread_ms', added(loads.references.static));
    add({
      name: 'load_added_main_thread_ms',
      value: added(loads.with),
      unit: 'ms',
      reference: floor,
      budget: {
        maxRatio: 1.25,
        knownGap:
          'not met and not yet explained: the clean-clone CI run of 2026-12-07 (quiet 2-core machine) measured 94.3 ms ' +
          'against a 7.9 ms static floor (11.9x wall, 2.9x main-thread CPU), a loaded dev machine 1.2-2.5x wall and ' +
          '1.7-1.9x CPU; moving the launcher out of the eager script cut its main-thread compile but not this. ' +
          'Needs a profile of the painted load (issue 19).',
      },
    });
    add({
      name: 'load_added_main_thread_ms_sidepanel',
      value: added(sidePanel),
      unit: 'ms',
      reference: floor,
      budget: {
        maxRatio: 0.25,
        knownGap:
          'the eager stub (~14 kB: storage read, WXT context, listeners, the button with its own small stylesheet) ' +
          'still costs about 0.75-0.8x the floor in CPU time on a side-panel site (it was 1.0-1.2x with the whole ' +
          'launcher eager), while the button-only reference costs 0.1-0.4x; what is left is not V8 compile ' +
          '(about 1 ms), so meeting this needs less start-up work in the stub or no content script at all on ' +
          'side-panel sites (issue 19).',
      },
    });
    add({ name: 'load_stale_added_main_thread_ms', value: added(stale), unit: 'ms', reference: withoutRef });
    log(
      `  added main-thread ms: overlay ${added(loads.with)}, side panel ${added(sidePanel)}, static floor ${floor?.value ?? 'n/a'}, ` +
        `framed ${added(loads.references.framed)}, button only ${added(loads.references.button)}, stale ${added(stale)} (without: ${round(withoutTaskMs)})`,
    );
    // The same loads in main-thread CPU time and V8 compile time: not budgeted, but unlike the
    // tasks' wall time they do not grow while a busy machine keeps the thread waiting for a core.
    const cpu = (samples: LoadSample[], key: 'cpuMs' | 'compileMs') =>
      round(med(samples, key) - med(loads.without, key));
    const cpuFloor = cpu(loads.references.static, 'cpuMs');
    const cpuLine = (label: string, samples: LoadSample[]) =>
      `${label} ${cpu(samples, 'cpuMs')} ms` +
      (cpuFloor > 0 ? ` (${round(cpu(samples, 'cpuMs') / cpuFloor, 2)}× the floor)` : '') +
      `, of which V8 compile ${cpu(samples, 'compileMs')} ms`;
    notes.push(
      `Main-thread CPU time added per load (CDP \`ThreadTime\`, median with − median without): ${cpuLine('overlay', loads.with)}; ` +
        `${cpuLine('side panel', sidePanel)}; ${cpuLine('button-only content script', loads.references.button)}; ` +
        `static floor ${cpuFloor} ms, of which V8 compile ${cpu(loads.references.static, 'compileMs')} ms.`,
    );
    log(`  ${notes.at(-1)}`);
    const paintedLoads = loads.with.filter((s) => s.painted).length;
    notes.push(
      `Page loads with the extension: ${paintedLoads} of ${loads.with.length} kept the sidebar painted from its snapshot to the end of the sample (no app loaded); ` +
        `stale loads: ${stale.filter((s) => !s.painted).length} of ${stale.length} rendered the app over it, as they must; ` +
        `side-panel loads showed the panel's button ${round(median(sidePanel.map((s) => s.readyMs ?? Number.NaN)))} ms (median) after DOMContentLoaded.`,
    );
    if (paintedLoads < loads.with.length / 2)
      throw new Error('most page loads loaded the sidebar app: the steady state was not measured');
    const referenceNames = {
      static: 'load_static_sidebar_added_main_thread_ms',
      framed: 'load_framed_sidebar_added_main_thread_ms',
      button: 'load_button_only_added_main_thread_ms',
    } as const;
    for (const [kind, samples] of Object.entries(loads.references) as Array<
      [keyof typeof referenceNames, LoadSample[]]
    >) {
      add({
        name: referenceNames[kind],
        value: added(samples),
        unit: 'ms',
        reference: withoutRef,
      });
    }
    add({
      name: 'load_added_script_ms',
      value: round(med(loads.with, 'scriptMs') - med(loads.without, 'scriptMs')),
      unit: 'ms',
      reference: ref('page_without_extension_script_ms', round(med(loads.without, 'scriptMs'))),
    });
    add({
      name: 'load_added_long_tasks',
      value: med(loads.with, 'longTasks') - med(loads.without, 'longTasks'),
      unit: 'tasks/load',
      reference: ref('page_without_extension_long_tasks', med(loads.without, 'longTasks')),
      budget: { max: 0 },
    });
    const longTaskMs = loads.with.map((s) => s.longTaskMs);
    notes.push(
      `Long tasks with the extension: ${loads.with.filter((s) => s.longTasks > 0).length} of ${loads.with.length} loads had one or more ` +
        `(median total ${round(median(longTaskMs))} ms, max ${round(Math.max(...longTaskMs))} ms); ` +
        `without: ${loads.without.filter((s) => s.longTasks > 0).length} of ${loads.without.length}.`,
    );
    add({
      name: 'heap_added_per_tab_mb',
      value: round((med(loads.with, 'heapBytes') - med(loads.without, 'heapBytes')) / MB, 2),
      unit: 'MB',
      reference: ref('page_without_extension_heap_mb', round(med(loads.without, 'heapBytes') / MB, 2)),
      budget: { max: 10 },
    });
    const ready = loads.with.map((s) => s.readyMs ?? Number.NaN);
    addPercentiles(ready, ['sidebar_ready_p50_ms', 'sidebar_ready_p95_ms'], { max: 100 });

    // Click → "Saved", warm worker and freshly killed worker.
    log(`clicks: ${P.warmClicks} warm, ${P.coldClicks} with a freshly killed worker`);
    const page = await openSidebarPage(browser, ZENDESK);
    const versionCdp = await browser.context.newCDPSession(page);
    chromiumVersion = ((await versionCdp.send('Browser.getVersion')) as { product: string }).product;
    await versionCdp.detach();
    const warm = await measureWarmClicks(page, P.warmClicks, 300);
    // A second between cold clicks: the sidebar saves its snapshot after each capture settles, and
    // that storage write would wake the worker the bench has just stopped.
    const cold = await measureColdClicks(browser, page, P.coldClicks, 1000);
    await page.close();
    log(`first clicks: ${P.firstClicks} on freshly loaded pages, the sidebar painted from its snapshot`);
    const first = await measureFirstClicks(browser, ZENDESK, P.firstClicks, {
      ensure: settled,
      settledAfter: async (key) => {
        await waitForSettledSnapshot(browser.worker, HOST, { unlike: key });
      },
    });
    // The worker is warm for a first click: the same budget as the warm clicks.
    addPercentiles(first, ['click_saved_p50_first_ms', 'click_saved_p95_first_ms'], { max: 50 });
    addPercentiles(warm, ['click_saved_p50_warm_ms', 'click_saved_p95_warm_ms'], { max: 50 });
    addPercentiles(cold, ['click_saved_p50_cold_ms', 'click_saved_p95_cold_ms'], { max: 300 });
    log(`side panel clicks: ${P.warmClicks} in the browser's side panel, the Zendesk tab active`);
    const panelClicks = await measureSidePanelClicks(browser, ZENDESK, P.warmClicks, 300);
    addPercentiles(panelClicks, ['click_saved_p50_sidepanel_ms', 'click_saved_p95_sidepanel_ms'], {
      max: 50,
    });

    // Captures, queued offline so no delivery runs meanwhile; then the drain when back online.
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForEmptyQueue(popup, 60_000);
    await browser.context.setOffline(true);
    const cdp = await browser.context.newCDPSession(popup);
    const heapBefore = await workerHeapBytes(cdp, browser.extensionId);
    log(`captures: ${P.captures} capture messages, ${CONCURRENCY} in flight (offline)`);
    const requestsBefore = receiver.requests.length;
    const capture = await measureCaptures(popup, P.captures, CONCURRENCY);
    const heapAfter = await workerHeapBytes(cdp, browser.extensionId);
    if (receiver.requests.length !== requestsBefore) throw new Error('requests were sent while offline');
    const queued = await pendingItems(popup);
    if (queued !== P.captures) throw new Error(`expected ${P.captures} items queued, found ${queued}`);
    add({
      name: 'worker_heap_after_captures_mb',
      value: round(heapAfter / MB, 2),
      unit: 'MB',
      reference: ref('worker_heap_before_captures_mb', round(heapBefore / MB, 2)),
    });

    log(`drain: ${P.captures} queued items to the local signed receiver`);
    const drain = await measureDrain({ browser, receiver, secret, n: P.captures, timeoutMs: 180_000 });
    drained = drain.items;
    notes.push(
      `Drain: ${P.captures} items in ${round(drain.ms)} ms over ${drain.requests} requests (signatures verified); ` +
        `the first request arrived ${round(drain.firstMs)} ms after going online.`,
    );

    // Popup with an empty queue (reference), then with 100,000 items waiting.
    await waitForEmptyQueue(popup, 30_000);
    const openPopups = async () => {
      await openPopup(browser); // warm-up
      const samples: Array<{ ms: number; text: string }> = [];
      for (let i = 0; i < P.popups; i++) samples.push(await openPopup(browser));
      return samples;
    };
    log(`popup: ${P.popups} opens with an empty queue, then with ${SEEDED.toLocaleString('en')} waiting`);
    const empty = await openPopups();
    log(`options page: ${P.popups} opens`);
    await openOptions(browser); // warm-up
    const optionsOpens: OptionsOpen[] = [];
    for (let i = 0; i < P.popups; i++) optionsOpens.push(await openOptions(browser));
    add({
      name: 'options_open_ms',
      value: round(median(optionsOpens.map((o) => o.readyMs))),
      unit: 'ms',
      reference: ref('popup_open_empty_ms', round(median(empty.map((s) => s.ms)))),
    });
    add({
      name: 'options_first_paint_ms',
      value: round(median(optionsOpens.map((o) => o.firstPaintMs))),
      unit: 'ms',
      reference: null,
      budget: { max: 100 },
    });
    await seedQueue(browser, SEEDED, endpoint.id, !quick);
    // The items went straight into IndexedDB, past the worker's running count of items waiting:
    // restart the worker (as a browser restart after a long outage would), so it counts them once.
    await killWorker(cdp, browser.worker, browser.extensionId);
    const full = await openPopups();
    const shown = full[0]?.text ?? '';
    if (!shown.startsWith(`${SEEDED} captures waiting`)) throw new Error(`popup showed "${shown}"`);
    add({
      name: 'popup_open_100k_ms',
      value: round(median(full.map((s) => s.ms))),
      unit: 'ms',
      reference: ref('popup_open_empty_ms', round(median(empty.map((s) => s.ms)))),
      budget: { max: 200 },
    });
    notes.push(`Popup with ${SEEDED.toLocaleString('en')} waiting showed "${shown}".`);
    await cdp.detach();

    // The capture throughput metric needs its references; computed below.
    log('capture references: raw IndexedDB puts and chrome.storage.local appends (probe extension)');
    const template = drained[0];
    if (!template) throw new Error('no drained item to use as a template');
    const storage = await measureStorageReferences({
      n: P.captures,
      concurrency: CONCURRENCY,
      storageBudgetMs: P.storageMs,
      item: template,
    });
    notes.push(
      `Captures: ${round(capture.firstTenthPerS)} items/s over the first tenth, ${round(capture.lastTenthPerS)} items/s ` +
        `over the last tenth (the queue holding ${round(P.captures * 0.9)}+ items).`,
    );
    add({
      name: 'capture_items_per_s',
      value: round(capture.itemsPerS),
      unit: 'items/s',
      reference: ref('raw_idb_puts_items_per_s', round(storage.rawIdbPerS)),
      budget: { minRatio: 0.5 },
    });
    add({
      name: 'capture_items_per_s_vs_storage_local',
      value: round(capture.itemsPerS),
      unit: 'items/s',
      reference: ref('storage_local_append_items_per_s', round(storage.storageLocalPerS)),
    });
    if (storage.storageLocalCount < P.captures) {
      notes.push(
        `chrome.storage.local appends stopped after ${P.storageMs / 1000} s at ${storage.storageLocalCount} of ${P.captures} items ` +
          '(each append rewrites the whole array, so its rate only falls further).',
      );
    }

    add({
      name: 'drain_items_per_s',
      value: round(drain.itemsPerS),
      unit: 'items/s',
      reference: null,
      budget: { min: 1000 },
    });
    add({
      name: 'drain_requests',
      value: drain.requests,
      unit: 'requests',
      reference: null,
      budget: { maxRatio: 0.1 },
    });
  } finally {
    await browser.close();
    watch.stop(); // the policy names Earmark's id: the references below are not affected by it
  }

  log(
    `drain reference: workbox-background-sync Queue replaying ${Math.min(drained.length, P.workboxItems)} requests`,
  );
  try {
    const items = drained.slice(0, P.workboxItems);
    const workbox = await measureWorkboxDrain({ receiver, secret, items, log });
    setReference('drain_items_per_s', ref('workbox_queue_items_per_s', round(workbox.itemsPerS)));
    // Requests for the same number of items as the drain (it sends one per item, so it scales).
    const perDrain = Math.round((workbox.requests / items.length) * drained.length);
    setReference('drain_requests', ref('workbox_queue_requests', perDrain));
    notes.push(
      `workbox-background-sync replayed ${workbox.requests} requests (${items.length} items) in ${round(workbox.ms)} ms` +
        (items.length < drained.length
          ? `; its request count is scaled to the drain's ${drained.length} items.`
          : '.'),
    );
  } catch (error) {
    notes.push(
      `The workbox-background-sync reference failed in this run, so its references are null: ${String(error)}`,
    );
    log(`workbox reference failed: ${String(error)}`);
  }
}

function setReference(name: string, reference: Metric['reference']): void {
  const metric = metrics.find((m) => m.name === name);
  if (metric) metric.reference = reference;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
