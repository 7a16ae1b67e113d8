// Writes the built-in sample CSV as a classic script that sets one global string, so that
// "Try the built-in sample" works from file:// too (no fetch there). JSON.stringify escapes
// quotes, backslashes, line breaks and control characters; "<" is escaped as well, so the text
// could even be inlined into HTML safely. Usage: node embed-sample.mjs IN.csv OUT.js
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node embed-sample.mjs IN.csv OUT.js');
  process.exit(2);
}
const text = readFileSync(input, 'utf8');
const literal = (value) => JSON.stringify(value).replace(/</g, '\\u003c')
  .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
const script = `// Generated from data/${basename(input)} by web/tools/embed-sample.mjs: do not edit.
// A synthetic sample with heart.csv's schema; no row describes a real patient.
window.gradtapeSample = Object.freeze({
  name: ${literal(basename(input))},
  text: ${literal(text)},
});
`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, script);
