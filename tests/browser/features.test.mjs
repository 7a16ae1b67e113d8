// Leaving columns out of the features: untick a column under "Feature columns" and the run trains
// on the others; untick them all and the field says so, and no run starts. A column of row IDs
// starts unticked. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, loadSample, openPage, problems, setField, useBrowser, waitForDone, waitForLoaded } from './lib/page.mjs';

const env = useBrowser();

test('a column left out is not trained on, and leaving out every column is refused', { timeout: 90000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url);
  await loadSample(page);
  await page.getByText('Feature columns').click();
  const features = page.getByRole('group', { name: 'Columns used as features' });
  assert.equal(await features.getByRole('checkbox').count(), 11, 'every column but the target');
  await features.getByRole('checkbox', { name: 'Cholesterol' }).uncheck();
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForDone(page);
  assert.match(await page.getByText(/^Plan:/).textContent(), /10 features/);
  await page.getByRole('button', { name: 'Reset' }).click();

  for (const box of await features.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByText('Keep at least one column to learn from.').first().waitFor({ timeout: 5000 });
  assert.ok(await page.getByRole('button', { name: 'Train', exact: true }).isEnabled(), 'no run started');
  assert.deepEqual(problems(log), []);
  await context.close();
});

test('a column of row IDs starts left out, so the run trains instead of failing on unseen IDs', { timeout: 90000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url);
  // customerID differs on every row; plan and score carry the signal.
  const lines = ['customerID,plan,score,churned'];
  for (let i = 0; i < 120; i += 1) lines.push(`C-${1000 + i},${['basic', 'pro', 'max'][i % 3]},${(i * 37) % 100},${(i * 37) % 100 > 50 ? 'yes' : 'no'}`);
  await dropFile(page, { name: 'customers.csv', text: `${lines.join('\n')}\n` });
  await waitForLoaded(page, 'customers.csv');
  const features = page.getByRole('group', { name: 'Columns used as features' });
  assert.ok(await features.isVisible(), 'the list is open, showing what was left out');
  assert.equal(await features.getByRole('checkbox', { name: 'customerID' }).isChecked(), false);
  assert.equal(await features.getByRole('checkbox', { name: 'plan' }).isChecked(), true);
  assert.equal(await features.getByRole('checkbox', { name: 'score' }).isChecked(), true);
  await setField(page, 'Epochs', 3);
  await setField(page, 'Batch size', 16);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForDone(page);
  assert.match(await page.getByText(/^Plan:/).textContent(), / 2 features /, 'plan and score, not customerID');
  assert.deepEqual(problems(log), []);
  await context.close();
});
