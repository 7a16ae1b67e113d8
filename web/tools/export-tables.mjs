// Writes the engine's own tables (the settings table, the epoch field table and the limits, as the built
// gradtape.js exports them) as a classic script, so the page draws its form, its defaults, its
// history columns and its CSV header from the core before the engine has started, and from
// file:// too. Usage: node export-tables.mjs gradtape.js OUT.js
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [script, output] = process.argv.slice(2);
if (!script || !output) {
  console.error('usage: node export-tables.mjs gradtape.js OUT.js');
  process.exit(2);
}
const gradtape = await createRequire(import.meta.url)(resolve(script))();
const tables = {
  version: gradtape.version(), settings: gradtape.settingsSchema(), csvSettings: gradtape.csvSettingsSchema(), epochFields: gradtape.epochFields(), limits: gradtape.limits(),
};
const literal = JSON.stringify(tables, null, 1).replace(/</g, '\\u003c');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `// Generated from the engine's settings and epoch field tables by web/tools/export-tables.mjs:
// do not edit (core/train/settings.cpp, core/data/csv_settings.cpp and core/train/epoch_fields.cpp
// are the source).
window.gradtapeTables = Object.freeze(${literal});
`);
