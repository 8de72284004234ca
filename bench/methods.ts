import type { Method } from './lib/report';

/** The "how measured" paragraphs of RESULTS.md, one per metric or group of metrics. */
export const METHODS: Method[] = [
  {
    metrics: ['content_script_eager_gzip_bytes', 'content_script_eager_raw_bytes'],
    text:
      'Every file the built manifest (`.output/chrome-mv3/manifest.json`, from `npx wxt build`; the bench ' +
      'measures a copy of that build, so a build started elsewhere meanwhile cannot change it) lists in ' +
      '`content_scripts[].js`/`css`, i.e. what Chromium injects into every matching page before anything ' +
      'is clicked; raw bytes, and gzip level 9 per file. For Earmark that is the stub only (the startup ' +
      "storage read, the surface decision, the tab messages, the side panel's button with its own small " +
      'stylesheet). On a page whose surface is the overlay the ' +
      'stub imports `sidebar-launcher.js` (painter, collapsed tab, site adapters; measured below), and the ' +
      'launcher imports `sidebar-app.js` (the React components built with `preact/compat`, and zod/mini for ' +
      'the message protocol) when the agent opens or reaches for the sidebar, or when the snapshot is ' +
      'missing or stale; neither is counted here, but their cost is in the page-load and first-click ' +
      'metrics below. Reference: ' +
      '`bench/reference-overlay/`, a minimal ' +
      'WXT project whose one content script renders a React component with `createShadowRootUi` ' +
      "(built the same way with the repository's WXT, `npx wxt build bench/reference-overlay`). The other " +
      'reference is zero: a page without the extension loads no bytes, which the absolute budget (30 kB) stands for.',
  },
  {
    metrics: ['overlay_launcher_gzip_bytes', 'overlay_launcher_raw_bytes'],
    text:
      '`sidebar-launcher.js` from the same build, raw and gzip level 9: what a page whose surface is the ' +
      "overlay imports right after the stub's storage read (painted snapshot, collapsed tab, early input, " +
      "loading the app, the site adapters, the sidebar's stylesheet). A side-panel site never loads it. No budget.",
  },
  {
    metrics: ['sidebar_app_gzip_bytes', 'sidebar_app_raw_bytes'],
    text:
      '`sidebar-app.js` from the same build, raw and gzip level 9: everything Earmark adds to a CRM page ' +
      'once the sidebar is open (the React components built with `preact/compat`, zod/mini for the ' +
      'message protocol). No budget; the reference is the reference overlay above, a React overlay ' +
      'that renders almost nothing, for scale.',
  },
  {
    metrics: ['load_added_main_thread_ms', 'load_added_script_ms', 'load_added_long_tasks'],
    text:
      'The Zendesk fixture (`https://acme.zendesk.com/agent/tickets/4821`, served over HTTPS by ' +
      '`startCrmServer` on its real hostname) is loaded in a fresh tab, alternately in Chromium with the ' +
      'extension (`launchWithExtension`) and in Chromium with the same flags and no extension ' +
      '(`chromium.launchPersistentContext`), after warm-up loads. CDP `Performance.getMetrics` is read a ' +
      'fixed settle time after `load` (and, with the extension, after the sidebar is ready, polled with CDP ' +
      "`Runtime.evaluate` in the page's own world: Playwright's `waitForFunction` would compile its injected " +
      'script into the page, about 25 ms the loads without the extension never paid): `TaskDuration` ' +
      '(all renderer main-thread tasks, content-script work included) and `ScriptDuration`. Long tasks are ' +
      'counted by a `PerformanceObserver({ type: "longtask" })` installed with `addInitScript` before any page ' +
      'script. Each value is median(with) − median(without); the reference of `load_added_script_ms` and ' +
      '`load_added_long_tasks` is the median without. The reference of `load_added_main_thread_ms` is ' +
      '`load_static_sidebar_added_main_thread_ms` of the same run (below): its budget is a ratio to that ' +
      'floor (≤ 1.25×), which a slow or busy machine moves far less than an absolute figure. The ' +
      'fixture page has the sidebar open (the default layout). Before the rounds the site has a current ' +
      "sidebar snapshot (a page load's app wrote it), so these loads are the steady state an agent meets on " +
      'most tickets: the launcher paints the snapshot as plain DOM and loads no app, since nothing changed ' +
      'and nobody reached for the sidebar (the notes count the loads that kept it painted). The notes also give ' +
      "the same differences in the main thread's CPU time (`ThreadTime`) and V8 compile time " +
      "(`V8CompileDuration`) from the same `Performance.getMetrics`: `TaskDuration` is the tasks' wall time, " +
      'which grows while a busy machine keeps the thread waiting for a core; CPU time does not.',
  },
  {
    metrics: ['load_added_main_thread_ms_sidepanel'],
    text:
      "On the same rounds, in the same browser as the extension's loads: before each of these loads the " +
      "agent's surface choice for the site is set to the browser's side panel (`sidebarSurfaces` in " +
      "`storage.local`, as the popup's switch writes it; removed again after the load), so the launcher " +
      'paints no sidebar and loads no app: the page shows only the "Open Earmark side panel" button ' +
      '(`components/sidebar/launcher/panel-button.ts`), which is what the load waits for before the settle ' +
      'time. median(side panel) − median(without), from `TaskDuration` like `load_added_main_thread_ms`; ' +
      'the reference is `load_static_sidebar_added_main_thread_ms` of the same run, and the budget is ≤ 0.25× ' +
      'that floor: what is left on the page is the launcher, the adapter match and the context reader.',
  },
  {
    metrics: ['load_stale_added_main_thread_ms'],
    text:
      "On the same rounds, in the same browser as the extension's loads: before each of these loads the " +
      "site's stored snapshot is made stale (its key changed in the worker's storage, as a capture or a " +
      'settings change elsewhere would), so the load paints it and then loads the sidebar app at once, ' +
      'which renders over it with the current data and writes a new snapshot. median(stale) − median(without). ' +
      'After each, a page is opened until a current snapshot is stored again (not recorded).',
  },
  {
    metrics: ['load_static_sidebar_added_main_thread_ms', 'load_framed_sidebar_added_main_thread_ms'],
    text:
      'What showing a sidebar at page load costs the page at the least, measured on the same rounds in ' +
      'two more Chromiums, each with a reference extension (`bench/suites/static-sidebar.ts`, written each ' +
      "run) that shows the sidebar's finished markup, captured from Earmark's shadow root in this run, at " +
      'DOMContentLoaded. _static_: the content script puts the markup into a shadow root in one ' +
      'assignment (no framework, no messaging, no storage: only the DOM, style and layout work of the ' +
      'sidebar itself). _framed_: the content script adds an iframe of an extension page holding the ' +
      "markup (the other common way to show a panel; its document runs in the extension's process), " +
      "ready when the frame has loaded. median(reference) − median(without), from the page's own " +
      '`TaskDuration` like `load_added_main_thread_ms`.',
  },
  {
    metrics: ['load_button_only_added_main_thread_ms'],
    text:
      'The least any content script costs the page, on the same rounds in one more Chromium: a reference ' +
      'extension (`bench/suites/static-sidebar.ts`) whose content script, at DOMContentLoaded, shows one ' +
      'button in a shadow root (what a side-panel site shows of Earmark) with no stylesheet, storage or ' +
      'messaging; what remains is the cost of injecting a content script at all (its isolated world and ' +
      'script). median(reference) − median(without), from `TaskDuration`. No budget: it tells how much of ' +
      '`load_added_main_thread_ms_sidepanel` any content script that reads the ticket would pay.',
  },
  {
    metrics: ['heap_added_per_tab_mb'],
    text:
      'On the same loads, after CDP `HeapProfiler.collectGarbage`: `JSHeapUsedSize` of the tab (the content ' +
      "script's isolated world shares the page's V8 heap), median with − median without.",
  },
  {
    metrics: ['worker_heap_after_captures_mb'],
    text:
      "The service worker's used JS heap (CDP `Runtime.getHeapUsage` on the worker target, attached through " +
      '`Target.attachToTarget`, after `HeapProfiler.collectGarbage`) right after the capture run; the ' +
      'reference is the same worker just before it.',
  },
  {
    metrics: ['sidebar_ready_p50_ms', 'sidebar_ready_p95_ms'],
    text:
      'On the same loads with the extension: an init script records `performance.now()` at DOMContentLoaded ' +
      'and from then on watches the document and the open shadow root of `earmark-sidebar` with ' +
      'MutationObservers; ready is the first moment a `button.em-tag` exists and is not disabled. ' +
      "On a painted snapshot that button is clickable at once: the launcher records the agent's click and " +
      'the app replays it (see `click_saved_*_first_ms`). Nearest-rank percentiles over all recorded loads.',
  },
  {
    metrics: [
      'click_saved_p50_warm_ms',
      'click_saved_p95_warm_ms',
      'click_saved_p50_cold_ms',
      'click_saved_p95_cold_ms',
      'click_saved_p50_first_ms',
      'click_saved_p95_first_ms',
    ],
    text:
      "Timed inside the page (no Playwright round trip in the timing): a MutationObserver on the sidebar's " +
      "`role=status` element and a capturing `click` listener on the page's window are set up, then the tag " +
      'button is clicked with real input (Playwright `mouse.click`, CDP `Input.dispatchMouseEvent`: the sidebar ' +
      "ignores a page script's untrusted `element.click()`); the time runs from the click event until the " +
      'status reads "Saved: <tag>" (tags alternate so the text always changes). First: the first thing on a ' +
      'freshly loaded page whose sidebar is painted from its snapshot (checked), the app not loaded: the ' +
      'pointer moves onto the tag and clicks at once: the launcher sends the capture itself (the app ' +
      "starts loading on the pointer's arrival and takes the reply over: Undo, Recent captures), and " +
      'the "Saved" text it writes into the painted status line ends the timing; ' +
      'each run waits for its capture to be sent and the snapshot to settle before the next page. ' +
      'Warm: consecutive clicks 300 ms apart after two warm-up ' +
      'clicks, the endpoint configured and the receiver up (deliveries run as usual). Cold: a second after ' +
      'the previous capture (when the sidebar has saved its snapshot, a storage write that wakes the worker), before each ' +
      'click the worker gets a marker on its global and is stopped with CDP `Target.closeTarget` on the ' +
      "extension's `service_worker` target; the bench waits until the target is gone, checks that no worker " +
      'target exists just before the click, and after the click that the answering worker has no marker ' +
      '(a fresh start), else the sample is retried or the run fails.',
  },
  {
    metrics: ['click_saved_p50_sidepanel_ms', 'click_saved_p95_sidepanel_ms'],
    text:
      'Click → "Saved" in the browser\'s side panel (`bench/suites/side-panel.ts`): the Zendesk site\'s surface ' +
      'is set to the side panel, a Zendesk tab is loaded and brought to the front, and a trusted click on its ' +
      '"Open Earmark side panel" button opens the panel (the worker opens it during the agent\'s gesture). The ' +
      'panel is a CDP target of type `page` that Playwright does not list: the bench attaches to it ' +
      "(`Target.attachToTarget`, `tests/e2e/support/side-panel.ts`), waits until it names the tab's ticket, and " +
      'times each click inside the panel exactly as the in-page clicks are timed (capturing `click` listener ' +
      'on its window → MutationObserver on its `role=status` reading "Saved: <tag>"), the click being trusted ' +
      'CDP `Input.dispatchMouseEvent` at the tag button. A capture there asks the active tab for its ticket ' +
      'context and selection, so that round trip is in the figure. Consecutive clicks 300 ms apart after two ' +
      'warm-up clicks, the worker warm, deliveries running as usual; then the panel is closed and the site ' +
      'goes back to the overlay.',
  },
  {
    metrics: ['capture_items_per_s', 'capture_items_per_s_vs_storage_local'],
    text:
      'From `popup.html` (an extension page), `chrome.runtime.sendMessage({ type: "capture", tagId: "bug", … })` ' +
      'N times with 16 in flight, timed in the page; every reply must be ok, and afterwards the queue must ' +
      'hold exactly N items. The browser is offline during the run (`context.setOffline(true)`, which also ' +
      'takes the worker offline), so the measured path is the capture itself (validation, redaction, the ' +
      'item and its outbox row committed atomically; captures that arrive while a commit is in flight share ' +
      'the next transaction) with no delivery running meanwhile. References, ' +
      'in an extension page of a separate probe extension (`bench/probe-extension/`, same flags): raw ' +
      'IndexedDB — the same records (the stored item and its outbox row, the same stores and indexes) ' +
      'with one readwrite transaction per capture, 16 in flight, no messaging, validation or redaction ' +
      '(the practical limit); and the naive alternative, `chrome.storage.local` appends (read the array, ' +
      'push, write it back, one at a time), stopped after a time budget because each append rewrites the ' +
      'whole array.',
  },
  {
    metrics: ['drain_items_per_s', 'drain_requests'],
    text:
      'The N items captured offline (as above) are drained when the browser goes back online (the worker ' +
      "flushes on its `online` event, which CDP's offline emulation does not fire in a service worker, so " +
      'the bench dispatches it right after `setOffline(false)`): items/s from going online to the ' +
      "receiver's timestamp of the last " +
      'request, and the number of requests, with every signature verified and every item revision counted ' +
      'once (`tests/e2e/support/receiver.ts`, `verifiedItems`). The worker sends up to 4 batches of 25 at a ' +
      'time and leases the next rows while earlier batches are on the wire. ' +
      "Reference: `workbox-background-sync`'s " +
      '`Queue` (`bench/workbox-reference/sw.ts`, bundled with esbuild) in a service worker of a page the bench ' +
      'serves on `http://127.0.0.1`, holding one request per item (the same items, each in its own signed ' +
      'single-item body, to the same receiver), timed from `replayRequests()` to the last request received; ' +
      'a quick run replays 500 of the items (one request each at a steady rate, so items/s is unchanged) and ' +
      'scales its request count to the drained items. ' +
      'The receiver answers no CORS preflight, so that browser runs with `--disable-web-security` (the ' +
      'extension needs no preflight either: it has host permission for loopback).',
  },
  {
    metrics: ['options_open_ms', 'options_first_paint_ms'],
    text:
      'Median over several opens of `chrome-extension://<id>/options.html` in a tab (after one warm-up open), ' +
      'in the same browser as the popup figures, with one endpoint and an empty queue: `options_open_ms` from ' +
      'navigation start until the page shows its configuration (the delivery status line has text, the tag rows ' +
      'are listed and no section still says "Loading…"; an init script with a MutationObserver takes ' +
      '`performance.now()`), `options_first_paint_ms` the first contentful paint (Paint Timing). Reference: the ' +
      "popup's open time with an empty queue, measured just before.",
  },
  {
    metrics: ['popup_open_100k_ms'],
    text:
      'Median over several opens of `chrome-extension://<id>/popup.html` in a tab (after one warm-up open), ' +
      'from navigation start to the moment its `role=status` line shows the queue (an init script with a ' +
      'MutationObserver takes `performance.now()`). The 100,000 waiting items (stored item + outbox row, ' +
      "copied from a real capture, not due for an hour) are written straight into the worker's IndexedDB, " +
      'since captures are refused at the 50,000-item queue cap; a quick run writes the items without their ' +
      "outbox rows to save time (the popup's queries read no live outbox row). The worker keeps a running " +
      'count of the items waiting (counted once per worker start, then kept by every write), so after the ' +
      'direct writes it is stopped (CDP `Target.closeTarget`), as a browser restart after a long outage ' +
      'would; the unrecorded warm-up open starts the new worker, which counts the 100,000 once. Reference: ' +
      'the same open with an empty queue.',
  },
  {
    metrics: [
      'hub_ingest_items_per_s_pglite',
      'hub_ingest_items_per_s_postgres',
      'hub_ingest_items_per_s_pglite_themes_off',
      'hub_ingest_items_per_s_postgres_themes_off',
    ],
    text:
      '`bench/suites/hub-ingest.ts`: 10,000 demo items (`server/demo-data.ts`; 2,000 with `--quick`) in batches of 25 ' +
      "(the extension's batch size), each batch signed per Standard Webhooks before the clock starts, POSTed by " +
      '4 concurrent senders to `POST /v1/webhook` of a real `startHub` on loopback (signature check, zod ' +
      "validation, idempotent upsert, and with themes on, grouping each item into its team's themes in the same " +
      'transaction); items/s = items stored ÷ wall time, and every item must be stored. ' +
      '`hub_ingest_items_per_s_<engine>` is the hub as it runs by default, themes on; `_themes_off` the same ' +
      'hub started with `themes: false` (`EARMARK_THEMES=off`), which stores items without grouping them. Each ' +
      'runs twice into a fresh database, alternated (off, on, off, on), and its figure is the mean of the two. ' +
      'The themes-on budget is a ratio to themes off in the same run (≥ 0.7×: grouping may cost at most ' +
      'a third of the ingest rate). ' +
      'PGlite uses a fresh data dir as `npm run hub` does; PostgreSQL a fresh schema in the server at ' +
      '`DATABASE_URL` (skipped, with a note, when it is unset; CI sets it). The reference of `_themes_off`: the same rows in the same ' +
      "batches and concurrency through the hub's own store (`upsertItems` with no team, so no themes: the same SQL in one transaction per " +
      'batch) into a fresh database of the same engine, i.e. everything except HTTP, signature verification and ' +
      "validation, so the ratio is the share of the database's own write rate the API keeps. The absolute floor " +
      "(200 items/s) is far above a contact centre's peak: 1,000 agents each capturing every 5 s.",
  },
  {
    metrics: [
      'hub_items_p50_ms_50k',
      'hub_items_p95_ms_50k',
      'hub_items_p50_ms_50k_postgres',
      'hub_items_p95_ms_50k_postgres',
    ],
    text:
      '50,000 demo items over 26 weeks (10,000 with `--quick`, same metric names), a third of them triaged, are ' +
      'inserted straight into a fresh database (one `INSERT … SELECT FROM jsonb_array_elements($1)` per 2,000 ' +
      "rows, grouped into themes by the hub's own backfill, then `ANALYZE` as after any bulk load); then a real `startHub` serves them and 200 sequential " +
      '`GET /v1/items` requests (100 with `--quick`, after 10 untimed) are timed end to end over loopback HTTP ' +
      'with lead tokens, each the request the review page sends on a filter change (first page of 100 with ' +
      '`total=true`), rotating through tag, status, a two-week date range, full-text `q`, agent, category + ' +
      'range, site + status, and combinations. Nearest-rank percentiles; PGlite always, PostgreSQL (`_postgres`) ' +
      'when `DATABASE_URL` is set. No reference: there is no other review API to compare with; the budget ' +
      '(p95 ≤ 200 ms) is what keeps filtering feel immediate.',
  },
  {
    metrics: [
      'hub_themes_p50_ms_50k',
      'hub_themes_p95_ms_50k',
      'hub_themes_p50_ms_50k_postgres',
      'hub_themes_p95_ms_50k_postgres',
    ],
    text:
      '`bench/suites/hub-themes.ts`, on the same seeded team and hub as the `GET /v1/items` latency above ' +
      "(50,000 demo items, 10,000 with `--quick`; the items are grouped into themes by the hub's own backfill " +
      'while seeding, which leaves the rows ingest with themes on would, and the timing starts after the ' +
      "hub's start has loaded the team's engine): 200 sequential `GET /v1/themes` requests (100 with `--quick`, " +
      'after 10 untimed), end to end over loopback HTTP with lead tokens, rotating through what the Themes ' +
      'view sends: the default listing (50 themes by count, no filter), by growth over the last 8 weeks, by ' +
      'count over 4 weeks, most recent, within a tag, by growth among new items, failure demand by growth ' +
      'over 8 weeks, and an agent with a search word. The demo notes are ' +
      "the demo data's phrase families with their slots filled (about 85 themes at 50,000 items). Nearest-rank " +
      'percentiles; p50/p95 per kind in the notes. No reference; the budget (p95 ≤ 200 ms) is the same as ' +
      'for the item listing.',
  },
  {
    metrics: ['themes_purity', 'themes_cohesion', 'themes_holdout_purity', 'themes_holdout_cohesion'],
    text:
      '`bench/suites/theme-quality.ts`: the hand-written agent notes of `tests/fixtures/themes/`, each labelled ' +
      'with its family of paraphrases (or none: a singleton), grouped by a fresh theme engine ' +
      '(`server/themes/`) in two shuffled orders (seeds 1 and 2), exactly as `tests/unit/themes-quality.test.ts` ' +
      "does; the worse order's figure is reported. Purity: the share of notes whose theme's majority family " +
      'is their own. Cohesion: per family, the share of its notes in its largest theme, the lower of its mean ' +
      'over families and over notes. Budgets (issue 20) on the labelled set (368 notes): purity ≥ 0.9, ' +
      'cohesion ≥ 0.75. The held-out set was written after the engine was tuned and is reported without a ' +
      'budget (its cohesion is a known weakness: vocabulary the synonym lists do not cover splits families).',
  },
];
