import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from '../../../scripts/harness/paths';

/** Where the stored screenshots live: the docs show them, the tests compare against them. */
export const SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');
/** Where a screenshot that did not match is left, next to the run, for a person to look at. */
const ACTUAL_DIR = join(ROOT, 'tests', 'e2e', '.actual');

/** How two PNGs differ: the share of pixels that changed visibly, or why they cannot be compared. */
export interface PngDifference {
  sameSize: boolean;
  size: string;
  changedShare: number;
}

/**
 * Compares two PNGs pixel by pixel in a blank page of the browser (its image decoder and canvas,
 * so no image library is needed). A pixel counts as changed when its channels differ by more than
 * `channelTolerance` in sum: anti-aliasing noise stays under it, a restyle does not.
 */
export async function comparePngs(
  context: BrowserContext,
  a: Buffer,
  b: Buffer,
  channelTolerance = 48,
): Promise<PngDifference> {
  const page = await context.newPage();
  try {
    return await page.evaluate(
      async ([one, two, tolerance]) => {
        const load = async (base64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
          const context = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [x, y] = await Promise.all([load(one), load(two)]);
        const size = `${x.width}×${x.height} against ${y.width}×${y.height}`;
        if (x.width !== y.width || x.height !== y.height) return { sameSize: false, size, changedShare: 1 };
        let changed = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          let sum = 0;
          for (let c = 0; c < 4; c++) sum += Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0));
          if (sum > tolerance) changed++;
        }
        return { sameSize: true, size, changedShare: changed / (x.width * x.height) };
      },
      [a.toString('base64'), b.toString('base64'), channelTolerance] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Checks a screenshot against its stored PNG (`docs/screenshots/<name>.png`) and returns how much
 * changed. With UPDATE_SCREENSHOTS=1 it stores the new picture instead (a deliberate restyle);
 * without a stored PNG it throws, saying how to make one. A mismatch is saved under
 * tests/e2e/.actual/ to compare by eye.
 */
export async function compareWithStored(
  context: BrowserContext,
  name: string,
  png: Buffer,
): Promise<PngDifference> {
  const stored = join(SCREENSHOT_DIR, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(dirname(stored), { recursive: true });
    writeFileSync(stored, png);
    return { sameSize: true, size: 'stored anew', changedShare: 0 };
  }
  if (!existsSync(stored)) {
    throw new Error(`No stored screenshot ${stored}: run the test with UPDATE_SCREENSHOTS=1 to store one.`);
  }
  const difference = await comparePngs(context, readFileSync(stored), png);
  if (!difference.sameSize || difference.changedShare > 0) {
    mkdirSync(ACTUAL_DIR, { recursive: true });
    writeFileSync(join(ACTUAL_DIR, `${name}.png`), png);
  }
  return difference;
}
