// An interleaved A/B of two builds of the module in one headless Chromium page: heart.csv for 60
// epochs with each build in turn, `rounds` times, and the medians of the epochs' own time (the sum
// of each history's ms). Alternating in one page puts both builds under the same host noise,
// which on this 2-core machine moves whole benchmark runs by a third.
//   node bench/suite/ab-page.mjs OLD/gradtape.js NEW/gradtape.js [rounds]
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../../tests/browser/lib/page.mjs';
import { heartCsvPath } from '../../tests/support/paths.mjs';
import { summarize } from './stats.mjs';

const [before, after, roundsText = '15'] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/suite/ab-page.mjs OLD/gradtape.js NEW/gradtape.js [rounds]');
  process.exit(2);
}
const heart = heartCsvPath();
if (!heart) throw new Error('heart.csv not found: set GRADTAPE_HEART_CSV');
const csv = readFileSync(heart, 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  for (const [name, script] of [['before', before], ['after', after]]) {
    await page.addScriptTag({ content: `${readFileSync(script, 'utf8')}\nwindow.__${name} = createGradtape;` });
  }
  const times = await page.evaluate(async ({ text, rounds }) => {
    const builds = [await window.__before(), await window.__after()];
    const epochsMs = (gradtape) => {
      const session = new gradtape.Session();
      session.loadCsv(text);
      session.configure({ epochs: 60, seed: 42 });
      while (!session.step({}).done);
      const ms = session.history().reduce((sum, log) => sum + log.ms, 0);
      session.delete();
      return ms;
    };
    for (const gradtape of builds) {  // two runs each first: compiled and tiered up
      epochsMs(gradtape);
      epochsMs(gradtape);
    }
    const out = [[], []];
    for (let r = 0; r < rounds; ++r) {
      for (const b of [0, 1]) {
        out[b].push(epochsMs(builds[b]));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    return out;
  }, { text: csv, rounds: Number(roundsText) });
  const [a, b] = times.map((runs) => summarize(runs));
  const wins = times[0].filter((ms, r) => times[1][r] < ms).length;
  console.log(`before ${a.median.toFixed(1)} ms (${a.min.toFixed(1)}–${a.max.toFixed(1)}), after ${b.median.toFixed(1)} ms (${b.min.toFixed(1)}–${b.max.toFixed(1)}); after faster in ${wins} of ${times[0].length} rounds`);
} finally {
  await browser.close();
}
