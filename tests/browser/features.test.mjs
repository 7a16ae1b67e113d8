// Leaving columns out of the features: untick a column under "Feature columns" and the run trains
// on the others; untick them all and the field says so, and no run starts. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSample, openPage, problems, setField, useBrowser, waitForDone } from './lib/page.mjs';

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
