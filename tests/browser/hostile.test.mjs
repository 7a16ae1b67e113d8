// A selection of the hostile-input corpus dropped on the page as a person would drop files: each
// file that cannot be read gets an alert naming it and saying what is wrong, in the engine's
// words; the data loaded before is kept and still trains; nothing throws in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus, fileOf } from '../support/hostile.mjs';
import { dropFile, loadSample, problems, setField, useBrowser, usePagePerTest, waitForDone } from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

test('files that cannot be read are refused, naming the problem, and the loaded data is kept', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await loadSample(page);
  const refused = corpus.cases.filter((c) => c.load && c.load !== 'ok' && c.name !== 'empty file');
  assert.ok(refused.length >= 10);
  for (const [i, c] of refused.entries()) {
    const file = fileOf(c);
    const name = `hostile-${i}.csv`;
    await dropFile(page, typeof file === 'string' ? { name, text: file } : { name, bytes: Array.from(file) });
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: name }).waitFor({ timeout: 10000 });
    const message = await alert.textContent();
    assert.ok(message.includes(c.load), `${c.name}: "${c.load}" in "${message}"`);
    assert.match(message, /heart_synthetic\.csv\) is kept/, `${c.name}: the loaded data is kept`);
  }
  assert.match(await page.getByRole('heading', { name: /^Dataset/ }).textContent(), /heart_synthetic\.csv/);
  await setField(page, 'Epochs', 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.deepEqual(problems(log), []);
});
