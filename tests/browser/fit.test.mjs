// The page fits every screen it meets: at 1280, 1366, 1440 and 1920 px wide and on a 390 px phone, no
// card, chart, table or confusion matrix is wider than its box after a multi-class run (the
// widest matrix and history) and a binary one; on the phone the run's controls and status stay
// on screen wherever the page is scrolled. Screenshots of each in $GRADTAPE_ARTIFACTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, loadSample, openPage, overflowing, problems, screenshot, setField, useBrowser, waitForDone, waitForLoaded } from './lib/page.mjs';

const env = useBrowser();

const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
  { name: '1280', viewport: { width: 1280, height: 800 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '1440', viewport: { width: 1440, height: 900 } },
  { name: '1920', viewport: { width: 1920, height: 1080 } },
];

// Four classes with long names, so the matrix and the per-class table are as wide as they get.
function fourClasses() {
  const names = ['Predicted maybe later', 'Chinstrap penguin', 'Gentoo penguin', 'Adelie penguin'];
  const lines = ['x1,x2,x3,kind'];
  for (let i = 0; i < 160; i += 1) {
    const k = i % 4;
    lines.push(`${k * 2 + ((i * 7) % 10) / 10},${(k % 2) * 3 + ((i * 3) % 10) / 10},${i % 5},${names[k]}`);
  }
  return `${lines.join('\n')}\n`;
}

async function train(page, epochs) {
  await setField(page, 'Epochs', epochs);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  return waitForDone(page);
}

// The Train button and the status are on screen (in the viewport) now.
async function reachable(page) {
  return page.evaluate(() => {
    const inView = (node) => {
      const box = node.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth && box.height > 0;
    };
    return { train: inView(document.getElementById('train-button')), status: inView(document.getElementById('status')) };
  });
}

for (const { name, viewport, deviceScaleFactor } of WIDTHS) {
  test(`${name}: nothing clipped or wider than its box, before and after runs`, { timeout: 180000 }, async () => {
    const { page, log, context } = await openPage(env.browser, env.server.url, { viewport, deviceScaleFactor });
    try {
      assert.deepEqual(await overflowing(page), [], 'the empty page');
      await loadSample(page);
      assert.equal(await train(page, 5), 'Done');
      assert.deepEqual(await overflowing(page), [], 'after a binary run');
      await screenshot(page, `fit-${name}-binary`);
      await dropFile(page, { name: 'four.csv', text: fourClasses() });
      await waitForLoaded(page, 'four.csv');
      assert.equal(await train(page, 5), 'Done');
      await page.locator('#confusion tbody tr').first().waitFor();
      assert.deepEqual(await overflowing(page), [], 'after a four-class run');
      await screenshot(page, `fit-${name}-multiclass`);
      await page.evaluate(() => document.getElementById('results-heading').scrollIntoView({ block: 'start' }));
      await screenshot(page, `fit-${name}-results`, { fullPage: false });
      if (name === 'phone') {
        for (const where of ['top', 'results', 'bottom']) {
          await page.evaluate((at) => {
            if (at === 'top') window.scrollTo(0, 0);
            else if (at === 'bottom') window.scrollTo(0, document.documentElement.scrollHeight);
            else document.getElementById('results-heading').scrollIntoView({ block: 'start' });
          }, where);
          assert.deepEqual(await reachable(page), { train: true, status: true }, `phone, scrolled to the ${where}`);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, 'fit-phone-top', { fullPage: false });
      }
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
}
