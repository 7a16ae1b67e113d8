// What goes wrong, and how the page says so: a malformed CSV (an alert, the page stays usable
// and a good file then trains), a failed load that keeps the data loaded before, a file over the
// size limit, a file dropped while another is still being read, a file with nothing to predict,
// invalid settings shown at their fields (the run does not start), an engine error about a
// setting shown at its field, and names and values from the file shown as text, never as HTML.
// Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dropFile, historyRows, loadSample, problems, screenshot, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded, waitForStatus,
} from './lib/page.mjs';
import { heartShapedCsv } from '../support/heart-shaped.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

const MALFORMED = 'Age,Sex,Target\n40,M,1\n49,F\n37,M,0\n';

async function alertText(page) {
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: /\S/ }).waitFor({ timeout: 10000 });
  return (await alert.textContent()).trim();
}

async function fieldMessage(page, label) {
  const field = page.getByLabel(label, { exact: true });
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
  const ids = (await field.getAttribute('aria-describedby')).split(/\s+/);
  const message = page.locator(`[id="${ids[0]}"]`);
  assert.ok(await message.isVisible(), `${label}: its message is visible next to it`);
  return (await message.textContent()).trim();
}

test('a malformed CSV shows an alert, the page stays usable, and a good file then trains', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await dropFile(page, { name: 'broken.csv', text: MALFORMED });
  const message = await alertText(page);
  assert.match(message, /broken\.csv/);
  assert.match(message, /line 3|fields|columns/i, `the alert says what is wrong: ${message}`);
  assert.ok(await page.getByRole('button', { name: 'Train', exact: true }).isDisabled(), 'nothing to train yet');
  await screenshot(page, 'bad-input-malformed');

  await loadSample(page);
  assert.equal((await page.getByRole('alert').textContent()).trim(), '', 'a successful load clears the alert');
  await setField(page, 'Epochs', 3);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.equal((await historyRows(page)).length, 3);
  assert.deepEqual(log.pageErrors, []);
});

test('a file that is not UTF-8 is read as Windows-1252, named by line when UTF-8 is insisted on, and a binary file is refused', { timeout: 60000 }, async () => {
  const { page } = pages.current;
  // "café" in Latin-1 on line 3: read as Windows-1252, with a note naming the line.
  const latin1 = [...Buffer.from('name,y\nab,0\ncaf'), 0xe9, ...Buffer.from(',1\n')];
  await dropFile(page, { name: 'latin1.csv', bytes: latin1 });
  await waitForLoaded(page, 'latin1.csv');
  assert.match(await page.getByRole('region', { name: 'About this file' }).textContent(), /line 3.*Windows-1252/);
  // Text encoding set to UTF-8 reads it again, and refuses it, naming the line.
  await page.getByText('Reading options').click();
  await page.getByLabel('Text encoding', { exact: true }).selectOption('utf-8');
  const message = await alertText(page);
  assert.match(message, /latin1\.csv/);
  assert.match(message, /line 3/, `the alert names the line: ${message}`);
  assert.match(message, /UTF-8/, `the alert says what is wrong: ${message}`);
  await page.getByLabel('Text encoding', { exact: true }).selectOption('auto');
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  await dropFile(page, { name: 'picture.csv', bytes: png });
  await page.getByRole('alert').filter({ hasText: /picture\.csv/ }).waitFor({ timeout: 10000 });
  await loadSample(page);
});

test('a failed load keeps the data loaded before', { timeout: 120000 }, async () => {
  const { page } = pages.current;
  await loadSample(page);
  await dropFile(page, { name: 'broken.csv', text: MALFORMED });
  assert.match(await alertText(page), /heart_synthetic\.csv.*kept/s);
  assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'HeartDisease');
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.equal((await historyRows(page)).length, 2);
});

test('a file over the size limit is refused before it is read', async () => {
  const { page } = pages.current;
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(51 * 1000 * 1000).fill(48)], 'huge.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.getByRole('group', { name: 'CSV drop zone' }).dispatchEvent('drop', { dataTransfer });
  const message = await alertText(page);
  assert.match(message, /huge\.csv/);
  assert.match(message, /50 MB/);
  assert.match(await page.getByRole('status').textContent(), /Ready/, 'nothing was loaded');
});

test('a file dropped while another is still being read is refused, by name, and the first loads', { timeout: 120000 }, async () => {
  const { page } = pages.current;
  // 150,000 rows (6 MB) take many slices to read, so the second drop comes while the first is read.
  await dropFile(page, { name: 'first.csv', text: heartShapedCsv(150000) });
  await page.getByRole('status').filter({ hasText: 'Reading first.csv' }).waitFor({ timeout: 10000 });
  // The first file's load clears the alert when it succeeds, so every text the alert shows is kept.
  await page.evaluate(() => {
    const alert = document.querySelector('[role="alert"]');
    window.alertTexts = [];
    new MutationObserver(() => window.alertTexts.push(alert.textContent))
      .observe(alert, { subtree: true, childList: true, characterData: true });
  });
  await dropFile(page, { name: 'second.csv', text: 'a,b\n1,2\n3,4\n' });
  await waitForLoaded(page, 'first.csv', 60000);
  const message = (await page.evaluate(() => window.alertTexts)).find((text) => /second\.csv/.test(text)) ?? '';
  assert.match(message, /^Not loaded\./);
  assert.match(message, /second\.csv: first\.csv is still being read\. Load second\.csv again once it has loaded\./);
  assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'HeartDisease');
});

test('a file where no column can be the target says there is nothing to predict, and why', async () => {
  const { page } = pages.current;
  const rows = Array.from({ length: 25 }, (_, i) => `${i + 1},7`);
  await dropFile(page, { name: 'no-target.csv', text: `id,same\n${rows.join('\n')}\n` });
  const message = await alertText(page);
  assert.match(message, /no-target\.csv/);
  assert.match(message, /no column to predict/);
  assert.match(message, /id: looks like an ID/);
  assert.match(message, /same: one value/);
  assert.ok(await page.getByRole('button', { name: 'Train', exact: true }).isDisabled());
});

test('invalid settings are shown at their fields and the run does not start', async () => {
  const { page } = pages.current;
  await loadSample(page);
  await setField(page, 'Epochs', 0);
  await setField(page, 'Hidden layers', '64,abc');
  await setField(page, 'Learning rate', '-1');
  await setField(page, 'Validation split', '1.5');
  await setField(page, 'Seed', '-3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.match(await fieldMessage(page, 'Epochs'), /whole number/);
  assert.match(await fieldMessage(page, 'Hidden layers'), /64,64/);
  assert.match(await fieldMessage(page, 'Learning rate'), /above 0/);
  assert.match(await fieldMessage(page, 'Validation split'), /between 0 and 1/);
  assert.match(await fieldMessage(page, 'Seed'), /whole number/);
  assert.equal(await page.getByLabel('Batch size', { exact: true }).getAttribute('aria-invalid'), null);
  assert.match(await alertText(page), /Check the highlighted settings/);
  assert.match(await page.getByRole('status').textContent(), /Not started/);
  assert.equal((await historyRows(page)).length, 0, 'no run started');
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, 'epochs', 'the first invalid field has the focus');
  await screenshot(page, 'bad-input-invalid-settings');

  // Typing in a field clears its mark; fixed values train.
  await setField(page, 'Epochs', 2);
  assert.equal(await page.getByLabel('Epochs', { exact: true }).getAttribute('aria-invalid'), null);
  await page.getByRole('button', { name: 'Restore the tutorial\'s defaults' }).click();
  assert.equal(await page.getByLabel('Hidden layers', { exact: true }).inputValue(), '64,64');
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
});

test('an engine error about a setting is shown at that field', { timeout: 60000 }, async () => {
  const { page } = pages.current;
  await loadSample(page);
  // 800 is below the 918 rows of the file (the page's own check passes) but above the 734
  // train rows: the engine refuses it, with error.field = "batchSize".
  await setField(page, 'Batch size', 800);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, /^Not started/, 10000); // the engine is asked in the frame after the click
  const message = await fieldMessage(page, 'Batch size');
  assert.ok(message.length > 0);
  assert.match(await alertText(page), /Batch size/);
  assert.equal((await historyRows(page)).length, 0, 'no run started');
  await setField(page, 'Batch size', 32);
  await setField(page, 'Epochs', 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
});

test('column names and values are shown as text, never as HTML', async () => {
  const { page, log } = pages.current;
  const evil = '<img src=x id=injected>';
  const csv = `"${evil}",<b>label</b>\n"<script>window.__pwned=1</script>",0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1\n9,0\n10,1\n`;
  await dropFile(page, { name: '<i>evil</i>.csv', text: csv });
  await waitForLoaded(page, '<i>evil</i>.csv');
  assert.equal(await page.locator('#injected').count(), 0, 'no element made from the file');
  assert.equal(await page.locator('main b, main i, main script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const preview = page.getByRole('table', { name: /First \d+ rows/ });
  assert.ok((await preview.textContent()).includes(evil), 'the header is shown literally');
  assert.ok((await preview.textContent()).includes('<script>window.__pwned=1</script>'));
  assert.match(await page.getByLabel('Target column', { exact: true }).inputValue(), /<b>label<\/b>/);
  assert.deepEqual(problems(log), []);
});
