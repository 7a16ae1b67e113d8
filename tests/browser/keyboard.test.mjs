// The whole flow from the keyboard alone: Tab to "Try the built-in sample" and press Enter,
// Tab to Epochs and type, press Enter to train; then Pause, Resume and Stop with the keys, and
// a download. Focus stays visible and never falls back to the page body. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { historyRows, openPage, problems, screenshot, useBrowser, waitForDone, waitForLoaded } from './lib/page.mjs';

const env = useBrowser();

// The focused element's name as a person hears it: its label, or its text.
function focusedName(page) {
  return page.evaluate(() => {
    const node = document.activeElement;
    if (!node || node === document.body) return '';
    const label = node.labels && node.labels.length ? node.labels[0].textContent : node.getAttribute('aria-label') || node.textContent;
    return (label || '').trim();
  });
}

async function tabTo(page, name, { max = 80, backwards = false } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if ((await focusedName(page)) === name) {
      assert.ok(await page.evaluate(() => document.activeElement.matches(':focus-visible')), `${name}: the focus is visible`);
      return;
    }
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('load, set, train, pause, resume, stop and download with the keyboard alone', { timeout: 180000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url);
  try {
    await tabTo(page, 'Try the built-in sample');
    await page.keyboard.press('Enter');
    await waitForLoaded(page, 'heart_synthetic.csv');

    await tabTo(page, 'Epochs');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter'); // submits the settings form: Train
    assert.equal(await waitForDone(page), 'Done');
    assert.equal((await historyRows(page)).length, 5);
    assert.notEqual(await focusedName(page), '', 'the focus did not fall back to the page');

    await tabTo(page, 'Epochs', { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('400');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /^Epoch \d+\/400/ }).waitFor();
    assert.equal(await focusedName(page), 'Pause', 'the locked field handed the focus to Pause');
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: /^Paused/ }).waitFor();
    assert.equal(await focusedName(page), 'Resume');
    await screenshot(page, 'keyboard-paused');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Stop');
    await page.keyboard.press('Enter');
    assert.match(await waitForDone(page), /^Done: stopped after epoch \d+\/400$/);
    assert.notEqual(await focusedName(page), '', 'the focus did not fall back to the page');

    await tabTo(page, 'Download history (CSV)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
    assert.equal(csv.length - 1, (await historyRows(page)).length);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
