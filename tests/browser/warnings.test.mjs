// Warnings before a run that would surprise a person, and what a run lost said beside its
// result: an ID column (unique or not) left out with a note and put back by a tick, a header
// line of numbers, and "drop rows" losing over 10% of the rows with its one-click alternative.
// Synthetic files, made here. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, problems, screenshot, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded } from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

const dataNotes = (page) => page.getByRole('region', { name: 'About this file' });
const beforeTrain = (page) => page.getByRole('region', { name: 'Before you train' });

// Titanic-like: a repeating numeric Id, an age missing on 25% of the rows, a survival target.
function passengers() {
  const lines = ['Id,Pclass,Age,Fare,Survived'];
  for (let i = 0; i < 200; i += 1) {
    lines.push(`${Math.floor(i * 0.7)},${1 + (i % 3)},${i % 4 === 0 ? '' : 18 + (i % 50)},${(10 + (i * 37) % 200) / 2},${(i * 7) % 3 === 0 ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

test('an Id that repeats is left out with a note, and a tick puts it back', { timeout: 90000 }, async () => {
  const { page, log } = pages.current;
  await dropFile(page, { name: 'passengers.csv', text: passengers() });
  await waitForLoaded(page, 'passengers.csv');
  assert.match(await dataNotes(page).textContent(), /Column 'Id' looks like a row identifier .*best left out of the features, as it is at first/);
  const idBox = page.getByRole('checkbox', { name: /^Id/ });
  assert.equal(await idBox.isChecked(), false, 'left out at first');
  await page.getByLabel('Missing values', { exact: true }).selectOption('impute');
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.match(await page.locator('#results-data').textContent(), /^Trained on 200 of 200 rows · column left out: Id\.$/);
  await idBox.check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.match(await page.locator('#results-data').textContent(), /^Trained on 200 of 200 rows\.$/);
  assert.deepEqual(problems(log), []);
});

test('"drop rows" losing 25% is warned about, and one click fills them in instead', { timeout: 90000 }, async () => {
  const { page, log } = pages.current;
  await dropFile(page, { name: 'passengers.csv', text: passengers() });
  await waitForLoaded(page, 'passengers.csv');
  const warning = beforeTrain(page);
  await warning.waitFor();
  assert.match(await warning.textContent(), /leaves out 50 of 200 rows \(25%\)/);
  await screenshot(page, 'warnings-missing');
  // Dropping them anyway: the result says what was lost.
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.match(await page.locator('#results-data').textContent(), /^Trained on 150 of 200 rows · 50 rows left out \(25%\) · column left out: Id\.$/);
  await page.getByRole('button', { name: 'Fill missing values instead' }).click();
  assert.equal(await page.getByLabel('Missing values', { exact: true }).inputValue(), 'impute');
  assert.ok(await warning.isHidden(), 'the warning goes once the rows are kept');
  // Leaving the column out also keeps the rows: no warning either.
  await page.getByLabel('Missing values', { exact: true }).selectOption('drop');
  await warning.waitFor();
  await page.getByRole('checkbox', { name: /^Age/ }).uncheck();
  assert.ok(await warning.isHidden(), 'no feature is missing any more');
  assert.deepEqual(problems(log), []);
});

test('a header line of numbers is warned about', { timeout: 60000 }, async () => {
  const { page, log } = pages.current;
  const rows = Array.from({ length: 30 }, (_, i) => `${(4.5 + (i % 10) / 10).toFixed(1)},${(3 + (i % 7) / 10).toFixed(1)},${i % 3}`);
  await dropFile(page, { name: 'iris.csv', text: `150,4,setosa\n${rows.join('\n')}\n` });
  await waitForLoaded(page, 'iris.csv');
  assert.match(await dataNotes(page).textContent(), /Warning: The header line \(line 1\) holds numbers as column names \(150, 4\)/);
  assert.match(await page.getByRole('status').textContent(), /1 warning about the data/);
  assert.deepEqual(problems(log), []);
});
