// The tables of wasm/API.md that the bindings define (the settings and the epoch fields),
// rendered from the built module's settingsSchema() and epochFields(). `node api-doc.mjs
// gradtape.js --write` rewrites them in API.md between their markers; tests/node/api-doc.test.mjs
// fails when API.md and the module disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const apiPath = fileURLToPath(new URL('../API.md', import.meta.url));

const cell = (text) => String(text).replace(/\|/g, '\\|');
const shown = (value) => (typeof value === 'string' ? `\`"${value}"\`` : `\`${JSON.stringify(value)}\``);

export function settingsTable(schema) {
  const rows = schema.map((s) => {
    const takes = s.choices ? s.choices.map((c) => `\`"${c.value}"\``).join(', ') : s.rule;
    return `| \`${s.key}\` | ${s.key === 'target' ? 'the suggested target' : shown(s.default)} | ${cell(takes)} | ${cell(s.help)} |`;
  });
  return ['| key | default | takes | what it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function epochFieldTable(fields) {
  const rows = fields.map((f) => `| \`${f.key}\` | \`${f.name}\` | ${f.label} | ${f.kind} | ${f.tasks.join(', ')} |`);
  return ['| key | CSV and `--json` name | label on the page | kind | tasks |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

// API.md with each generated section replaced by `sections[name]`.
export function withSections(text, sections) {
  let out = text;
  for (const [name, body] of Object.entries(sections)) {
    const pattern = new RegExp(`(<!-- ${name}: generated[^>]*-->\\n)[\\s\\S]*?(\\n<!-- ${name}: end -->)`);
    if (!pattern.test(out)) throw new Error(`API.md has no "${name}" section markers`);
    out = out.replace(pattern, (match, begin, end) => `${begin}${body}${end}`);
  }
  return out;
}

export function sectionsOf(gradtape) {
  return { settings: settingsTable(gradtape.settingsSchema()), 'epoch-fields': epochFieldTable(gradtape.epochFields()) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [script, flag] = process.argv.slice(2);
  if (!script) {
    console.error('usage: node api-doc.mjs path/to/gradtape.js [--write]');
    process.exit(2);
  }
  const gradtape = await createRequire(import.meta.url)(resolve(script))();
  const updated = withSections(readFileSync(apiPath, 'utf8'), sectionsOf(gradtape));
  if (flag === '--write') writeFileSync(apiPath, updated);
  else process.stdout.write(updated);
}
