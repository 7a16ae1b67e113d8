// Class weights on the page, as a person sets them: "Balanced" under Advanced trains with
// scikit-learn's weights and the run says which weights it used; weights by hand that name a
// class the target lacks, or that are not numbers, are shown at the field and nothing runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dropFileFromDisk, problems, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded, waitForStatus,
} from './lib/page.mjs';
import { heartCsvPath } from '../support/paths.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

async function loadHeart(page) {
  await dropFileFromDisk(page, heartCsvPath(), 'heart.csv');
  await waitForLoaded(page, 'heart.csv');
  await page.locator('summary', { hasText: 'Advanced' }).click();
}

test('balanced class weights train, and the run names the weights it used', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await loadHeart(page);
  await setField(page, 'Epochs', 3);
  await page.getByLabel('Class weighting', { exact: true }).selectOption('balanced');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 90000), 'Done');
  // heart's 734 train rows hold 333 of class 0 and 401 of class 1: 734/(2·333) and 734/(2·401)
  assert.match(await page.locator('#plan').textContent(), /class weights 0: 1\.102, 1: 0\.9152/);
  assert.match(await page.locator('#results-data').textContent(), /class weights 0: 1\.102, 1: 0\.9152/);
  assert.deepEqual(problems(log), []);
});

test('weights by hand that do not fit the target are shown at the field, and nothing runs', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await loadHeart(page);
  await page.getByLabel('Class weighting', { exact: true }).selectOption('manual');
  const field = page.getByLabel('Class weights', { exact: true });
  const error = page.locator('#class-weights-error');

  await setField(page, 'Class weights', '0:1,1:three');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, /^Not started/);
  assert.match(await error.textContent(), /item 2 \('1:three'\): the weight must be a number above 0/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');

  await setField(page, 'Class weights', '0:1,2:3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(() => /is not a class/.test(document.querySelector('#class-weights-error')?.textContent || ''));
  assert.match(await error.textContent(), /'2' is not a class of HeartDisease; its classes are 0, 1/);
  assert.equal(await page.locator('#history-body tr').count(), 0, 'no epoch ran');

  await setField(page, 'Class weights', '1:3');
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 90000), 'Done');
  assert.match(await page.locator('#plan').textContent(), /class weights 0: 1, 1: 3/);
  assert.deepEqual(problems(log), []);
});
