// How the page looks and reads: screenshots (desktop light and dark, a phone) saved to
// $GRADTAPE_ARTIFACTS for a person to look at; no sideways scrolling on a phone; every control
// with a visible label; the dark theme follows prefers-color-scheme, charts included. Uses the
// built-in sample. Needs the real module.
// The phone is emulated at twice the pixel density: the charts must be drawn at that density.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartInk, loadSample, openPage, problems, screenshot, setField, useBrowser, waitForDone } from './lib/page.mjs';

const env = useBrowser();

async function trainSample(page, epochs) {
  await loadSample(page);
  await setField(page, 'Epochs', epochs);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  return waitForDone(page);
}

// Every input, select and button, with the text a person sees as its label (or why not).
function unlabelled(page) {
  return page.evaluate(() => {
    const visible = (node) => Boolean(node && node.getClientRects().length) && getComputedStyle(node).visibility !== 'hidden';
    const missing = [];
    for (const node of document.querySelectorAll('input, select, textarea, button')) {
      if (!visible(node) && node.type !== 'checkbox') continue;
      if (node.tagName === 'BUTTON') {
        if (!node.textContent.trim()) missing.push(node.outerHTML.slice(0, 80));
      } else if (!node.labels || !node.labels.length || !visible(node.labels[0]) || !node.labels[0].textContent.trim()) {
        missing.push(node.outerHTML.slice(0, 80));
      }
    }
    return missing;
  });
}

test('desktop, light: the empty page, then a finished run', { timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url, { viewport: { width: 1440, height: 1000 } });
  try {
    await screenshot(page, 'layout-desktop-empty', { fullPage: false });
    assert.deepEqual(await unlabelled(page), []);
    assert.equal(await trainSample(page, 60), 'Done');
    await screenshot(page, 'layout-desktop-done', { fullPage: false });
    await screenshot(page, 'layout-desktop-done-full');
    assert.deepEqual(await unlabelled(page), []);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test('desktop, dark: the theme follows prefers-color-scheme, charts included', { timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url, { colorScheme: 'dark' });
  try {
    assert.equal(await trainSample(page, 60), 'Done');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `a dark background: ${background}`);
    const ink = await chartInk(page, 'Loss chart'); // measured against the dark theme's colours
    assert.ok(ink.trainPixels > 200 && ink.valPixels > 200, JSON.stringify(ink));
    await screenshot(page, 'layout-desktop-dark', { fullPage: false });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test('a phone: one column, no sideways scrolling, everything reachable', { timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    assert.equal(await trainSample(page, 20), 'Done');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    assert.deepEqual(await unlabelled(page), []);
    for (const name of ['Loss chart', 'Accuracy chart']) {
      const ink = await chartInk(page, name);
      assert.equal(ink.width, ink.cssWidth * 2, `${name}: drawn at the device pixel ratio (sharp on high-DPI)`);
      assert.ok(ink.trainPixels > 100 && ink.valPixels > 100, `${name}: both lines drawn`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'layout-phone-top', { fullPage: false });
    await page.evaluate(() => document.getElementById('run-heading').scrollIntoView({ block: 'start' }));
    await screenshot(page, 'layout-phone-training', { fullPage: false });
    await page.evaluate(() => document.getElementById('results-heading').scrollIntoView({ block: 'start' }));
    await screenshot(page, 'layout-phone-results', { fullPage: false });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
