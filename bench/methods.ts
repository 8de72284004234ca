import type { Method } from './lib/report';

/** The "how measured" paragraphs of RESULTS.md, one per metric or group of metrics. */
export const METHODS: Method[] = [
  {
    metrics: ['content_script_eager_gzip_bytes', 'content_script_eager_raw_bytes'],
    text:
      'Every file the built manifest (`.output/chrome-mv3/manifest.json`, from `npx wxt build`) lists in ' +
      '`content_scripts[].js`/`css`, i.e. what Chromium injects into every matching page before anything ' +
      'is clicked; raw bytes, and gzip level 9 per file. Reference: `bench/reference-overlay/`, a minimal ' +
      'WXT project whose one content script renders a React component with `createShadowRootUi` ' +
      "(built the same way with the repository's WXT, `npx wxt build bench/reference-overlay`). The other " +
      'reference is zero: a page without the extension loads no bytes, which the absolute budget (30 kB) stands for.',
  },
  {
    metrics: ['load_added_main_thread_ms', 'load_added_script_ms', 'load_added_long_tasks'],
    text:
      'The Zendesk fixture (`https://acme.zendesk.com/agent/tickets/4821`, served over HTTPS by ' +
      '`startCrmServer` on its real hostname) is loaded in a fresh tab, alternately in Chromium with the ' +
      'extension (`launchWithExtension`) and in Chromium with the same flags and no extension ' +
      '(`chromium.launchPersistentContext`), after warm-up loads. CDP `Performance.getMetrics` is read a ' +
      'fixed settle time after `load` (and, with the extension, after the sidebar is ready): `TaskDuration` ' +
      '(all renderer main-thread tasks, content-script work included) and `ScriptDuration`. Long tasks are ' +
      'counted by a `PerformanceObserver({ type: "longtask" })` installed with `addInitScript` before any page ' +
      'script. Each value is median(with) − median(without); the reference is the median without.',
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
      'Nearest-rank percentiles over all recorded loads.',
  },
  {
    metrics: [
      'click_saved_p50_warm_ms',
      'click_saved_p95_warm_ms',
      'click_saved_p50_cold_ms',
      'click_saved_p95_cold_ms',
    ],
    text:
      "Inside the page (no Playwright round trip in the timing): a MutationObserver on the sidebar's " +
      '`role=status` element is set up, `performance.now()` taken, and the tag button is clicked with ' +
      '`element.click()` in the shadow root; the time ends when the status reads "Saved: <tag>" (tags ' +
      'alternate so the text always changes). Warm: consecutive clicks 300 ms apart after two warm-up ' +
      'clicks, the endpoint configured and the receiver up (deliveries run as usual). Cold: before each ' +
      'click the worker gets a marker on its global and is stopped with CDP `Target.closeTarget` on the ' +
      "extension's `service_worker` target; the bench waits until the target is gone, checks that no worker " +
      'target exists just before the click, and after the click that the answering worker has no marker ' +
      '(a fresh start), else the sample is retried or the run fails.',
  },
  {
    metrics: ['capture_items_per_s', 'capture_items_per_s_vs_storage_local'],
    text:
      'From `popup.html` (an extension page), `chrome.runtime.sendMessage({ type: "capture", tagId: "bug", … })` ' +
      'N times with 16 in flight, timed in the page; every reply must be ok, and afterwards the queue must ' +
      'hold exactly N items. The browser is offline during the run (`context.setOffline(true)`, which also ' +
      'takes the worker offline), so the measured path is the capture itself (validation, redaction, the ' +
      "item and its outbox row written in one transaction) with no delivery running meanwhile (the worker's " +
      'own offline re-check of the queue, which it currently repeats about every 20 ms, is part of the cost). References, ' +
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
      "flushes on its `online` event): items/s from going online to the receiver's timestamp of the last " +
      'request, and the number of requests, with every signature verified and every item revision counted ' +
      "once (`tests/e2e/support/receiver.ts`, `verifiedItems`). Reference: `workbox-background-sync`'s " +
      '`Queue` (`bench/workbox-reference/sw.ts`, bundled with esbuild) in a service worker of a page the bench ' +
      'serves on `http://127.0.0.1`, holding one request per item (the same items, each in its own signed ' +
      'single-item body, to the same receiver), timed from `replayRequests()` to the last request received. ' +
      'The receiver answers no CORS preflight, so that browser runs with `--disable-web-security` (the ' +
      'extension needs no preflight either: it has host permission for loopback).',
  },
  {
    metrics: ['popup_open_100k_ms'],
    text:
      'Median over several opens of `chrome-extension://<id>/popup.html` in a tab (after one warm-up open), ' +
      'from navigation start to the moment its `role=status` line shows the queue (an init script with a ' +
      'MutationObserver takes `performance.now()`). The 100,000 waiting items (stored item + outbox row, ' +
      "copied from a real capture, not due for an hour) are written straight into the worker's IndexedDB, " +
      'since captures are refused at the 50,000-item queue cap; a quick run writes the items without their ' +
      "outbox rows to save time (the popup's queries, the pending-items and parked-rows indexes, read no " +
      'live outbox row). Reference: the same open with an empty queue.',
  },
];
