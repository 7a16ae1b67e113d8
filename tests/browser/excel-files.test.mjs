// Files as Excel writes them, dropped on the page: a ';' file with decimal commas (read as
// numbers, with a note, and trained on), the same read with a point (a warning naming the column
// and the value), and a Windows-1252 file (read, with a note, its letters right). The files are
// made here, synthetic. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, problems, screenshot, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded } from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

// 120 rows of a European export: species; bill length and mass with decimal commas; island.
function excelCsv() {
  const lines = ['species;bill_length;body_mass;island'];
  for (let i = 0; i < 120; i += 1) {
    const gentoo = i % 3 === 0;
    const bill = (gentoo ? 47 : 39) + ((i * 7) % 30) / 10;
    const mass = (gentoo ? 5.0 : 3.7) + ((i * 13) % 40) / 100;
    lines.push(`${gentoo ? 'Gentoo' : 'Adelie'};${bill.toFixed(1).replace('.', ',')};${mass.toFixed(2).replace('.', ',')};${gentoo ? 'Biscoe' : 'Dream'}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

// Windows-1252 bytes: city names with ü and è, a euro sign (0x80) and a curly quote (0x92).
function windows1252Bytes() {
  const rows = ['city,rooms,price,note'];
  for (let i = 0; i < 60; i += 1) rows.push(`${i % 2 ? 'Z\u00fcrich' : 'Gen\u00e8ve'},${1 + (i % 5)},${100 + i * 3},${i % 3 ? '\u20ac' : 'it\u2019s'}`);
  const map = { '\u20ac': 0x80, '\u2019': 0x92 };
  return [...`${rows.join('\n')}\n`].map((c) => map[c] ?? c.charCodeAt(0));
}

const dataNotes = (page) => page.getByRole('region', { name: 'About this file' });

test('a semicolon file with decimal commas: numbers, a note, and a run on them', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await dropFile(page, { name: 'pinguine.csv', text: excelCsv() });
  await waitForLoaded(page, 'pinguine.csv');
  const columns = page.getByRole('table', { name: /Columns/ });
  for (const name of ['bill_length', 'body_mass']) {
    const row = columns.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    assert.equal((await row.getByRole('cell').first().textContent()).trim(), 'float64', name);
  }
  const note = await dataNotes(page).textContent();
  assert.match(note, /'bill_length' and 'body_mass' read as numbers with a decimal comma/);
  await screenshot(page, 'excel-decimal-comma-loaded');
  await page.getByLabel('Target column', { exact: true }).selectOption('species');
  await setField(page, 'Epochs', 5);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  const plan = await page.locator('#plan').textContent();
  assert.match(plan, /3 features/, plan);
  assert.match(await page.locator('#results-data').textContent(), /^Trained on 120 of 120 rows\.$/);
  assert.deepEqual(problems(log), []);
});

test('the decimal separator set to a point: text, and a warning naming the column and value', { timeout: 60000 }, async () => {
  const { page, log } = pages.current;
  await page.getByText('Reading options').click();
  await page.getByLabel('Decimal separator', { exact: true }).selectOption('point');
  await dropFile(page, { name: 'pinguine.csv', text: excelCsv() });
  await waitForLoaded(page, 'pinguine.csv');
  const warning = await dataNotes(page).textContent();
  assert.match(warning, /Warning: Column 'bill_length' looks numeric .* but is read as text: '47,0' on line 2 has a decimal comma/);
  assert.match(await page.getByRole('status').textContent(), /warnings? about the data/);
  // Back to automatic: the file is read again at once.
  await page.getByLabel('Decimal separator', { exact: true }).selectOption('auto');
  await page.getByRole('status').filter({ hasText: /^Loaded pinguine\.csv: 120 rows\. Press Train/ }).waitFor();
  assert.doesNotMatch(await dataNotes(page).textContent(), /Warning/);
  assert.deepEqual(problems(log), []);
});

test('a Windows-1252 file is read, with a note, and its letters are right', { timeout: 60000 }, async () => {
  const { page, log } = pages.current;
  await dropFile(page, { name: 'villes.csv', bytes: windows1252Bytes() });
  await waitForLoaded(page, 'villes.csv');
  assert.match(await dataNotes(page).textContent(), /not UTF-8 \(byte 0xE8 on line 2\), so it was read as Windows-1252/);
  const preview = page.getByRole('table', { name: /First \d+ rows/ });
  const cells = await preview.getByRole('cell').allTextContents();
  assert.ok(cells.includes('Gen\u00e8ve') && cells.includes('Z\u00fcrich'), cells.slice(0, 8).join('|'));
  assert.ok(cells.includes('\u20ac') && cells.includes('it\u2019s'), cells.slice(0, 8).join('|'));
  await screenshot(page, 'excel-windows-1252-loaded');
  // Insisting on UTF-8 refuses it, naming the line; the data stays loaded.
  await page.getByText('Reading options').click();
  await page.getByLabel('Text encoding', { exact: true }).selectOption('utf-8');
  await page.getByRole('alert').filter({ hasText: /line 2: the text is not UTF-8/ }).waitFor();
  assert.match(await page.getByRole('status').textContent(), /^Kept villes\.csv\. Press Train to start\.$/);
  assert.deepEqual(problems(log), []);
});
