import { ensureChromium } from './harness/chromium';

// Runs before the e2e tests and the demo: finds Chromium, or installs it where DEVELOPERS.md allows.
try {
  console.log(`Browser: ${ensureChromium()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
