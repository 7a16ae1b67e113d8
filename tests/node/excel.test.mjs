// What Excel writes, read by the built module: decimal commas in a ';' file read as numbers and
// said so, Windows-1252 text converted with a note, the loadCsv options that override both, and
// the warnings before a run (numeric-looking text, a header of numbers, identifiers), with the
// missing-value patterns the page counts dropped rows from. Synthetic files, made here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradtape } from '../support/module.mjs';

const gradtape = await loadGradtape();

// A European export: ';' and decimal commas in two columns; 40 rows.
function excelCsv() {
  const lines = ['Art;Schnabel;Gewicht;Insel'];
  for (let i = 0; i < 40; i += 1) {
    lines.push(`${i % 2 ? 'Adelie' : 'Gentoo'};${(38 + (i % 9) / 10).toFixed(1).replace('.', ',')};${(3.5 + i / 100).toFixed(2).replace('.', ',')};Biscoe`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

// Windows-1252 bytes: "Zürich", "Genève", a euro sign (0x80) and a curly quote (0x92).
function windows1252Bytes() {
  const rows = ['city,price,label'];
  for (let i = 0; i < 30; i += 1) rows.push(`${i % 2 ? 'Z\u00fcrich' : 'Gen\u00e8ve'},${i},${i % 3 ? '\u20ac' : 'it\u2019s'}`);
  const text = `${rows.join('\n')}\n`;
  const map = { '\u20ac': 0x80, '\u2019': 0x92 };
  return Uint8Array.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

function errorOf(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

test('decimal commas in a semicolon file are numbers, and the summary says so', () => {
  const session = new gradtape.Session();
  const summary = session.loadCsv(excelCsv());
  assert.equal(summary.delimiter, ';');
  const byName = Object.fromEntries(summary.columns.map((c) => [c.name, c]));
  assert.equal(byName.Schnabel.dtype, 'float64');
  assert.equal(byName.Gewicht.dtype, 'float64');
  assert.ok(Math.abs(byName.Gewicht.min - 3.5) < 1e-12, String(byName.Gewicht.min));
  assert.equal(byName.Art.dtype, 'object');
  assert.deepEqual(summary.decimalCommaColumns, ['Schnabel', 'Gewicht']);
  assert.equal(summary.notes.length, 1);
  assert.match(summary.notes[0], /'Schnabel' and 'Gewicht'.*decimal comma.*'38,0' is 38\.0/);
  assert.deepEqual(summary.warnings, []);
  const plan = session.configure({ target: 'Art', epochs: 1 });
  assert.deepEqual(plan.features, ['Schnabel', 'Gewicht']);
  session.delete();
});

test('the decimal option overrides the guess, and a numeric-looking text column is warned about', () => {
  const session = new gradtape.Session();
  const summary = session.loadCsv(excelCsv(), { decimal: 'point' });
  const column = summary.columns.find((c) => c.name === 'Schnabel');
  assert.equal(column.dtype, 'object');
  const warning = summary.warnings.find((w) => w.column === 'Schnabel');
  assert.ok(warning, JSON.stringify(summary.warnings));
  assert.equal(warning.kind, 'numeric_text');
  assert.equal(warning.value, '38,0');
  assert.equal(warning.line, 2);
  assert.match(warning.message, /'Schnabel' looks numeric.*'38,0' on line 2/);
  const forced = session.loadCsv('a,b\n"1,5",x\n"2,5",y\n', { decimal: 'comma' });
  assert.equal(forced.columns[0].dtype, 'float64');
  assert.match(errorOf(() => session.loadCsv('a\n1\n', { decimal: 'dot' })).message, /auto, point or comma/);
  assert.equal(errorOf(() => session.loadCsv('a\n1\n', { decimal: 'dot' })).field, 'decimal');
  session.delete();
});

test('Windows-1252 bytes are read as such, with a note; UTF-8 can be insisted on', () => {
  const session = new gradtape.Session();
  const summary = session.loadCsv(windows1252Bytes());
  assert.equal(summary.encoding, 'Windows-1252');
  assert.equal(summary.head[0][0], 'Gen\u00e8ve');
  assert.equal(summary.head[1][0], 'Z\u00fcrich');
  assert.equal(summary.head[0][2], 'it\u2019s');
  assert.equal(summary.head[1][2], '\u20ac');
  assert.match(summary.notes[0], /not UTF-8 \(byte 0xE8 on line 2\).*Windows-1252/);
  const utf8 = errorOf(() => session.loadCsv(windows1252Bytes(), { textEncoding: 'utf-8' }));
  assert.match(utf8.message, /line 2: the text is not UTF-8/);
  assert.equal(utf8.field, 'textEncoding');
  const asked = session.loadCsv(Buffer.from('a,b\nx,1\ny,2\n'), { textEncoding: 'windows-1252' });
  assert.equal(asked.encoding, 'Windows-1252');
  assert.match(asked.notes[0], /as set/);
  assert.match(errorOf(() => session.loadCsv('a\n1\n', { textEncoding: 'latin9' })).message, /auto, utf-8 or windows-1252/);
  session.delete();
});

test('warnings before a run: a header of numbers, and identifiers unique or not', () => {
  const session = new gradtape.Session();
  const iris = session.loadCsv('150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n4.9,3,1.4,0.2,0\n4.7,3.2,1.3,0.2,1\n');
  assert.equal(iris.warnings[0].kind, 'header_data');
  assert.equal(iris.warnings[0].value, '150, 4');
  const lines = ['Id,PassengerId,Age,y'];
  for (let i = 0; i < 40; i += 1) lines.push(`${Math.floor(i / 2)},${i},${20 + (i % 9)},${i % 2}`);
  const ids = session.loadCsv(lines.join('\n'));
  const idLike = ids.columns.filter((c) => c.idLike).map((c) => c.name);
  assert.deepEqual(idLike, ['Id', 'PassengerId'], 'a repeating Id is an ID too');
  assert.deepEqual(ids.warnings.map((w) => [w.kind, w.column]), [['identifier', 'Id'], ['identifier', 'PassengerId']]);
  session.delete();
});

test('missing patterns count the rows "drop rows" loses, and the plan says what a run left out', () => {
  const session = new gradtape.Session();
  const lines = ['a,b,c,y'];
  for (let i = 0; i < 50; i += 1) lines.push(`${i % 5 ? i : ''},${i % 10 ? i * 2 : ''},${i},${i % 2}`);
  const summary = session.loadCsv(lines.join('\n'));
  assert.equal(summary.missingPatternsComplete, true);
  const patterns = summary.missingPatterns.map((p) => [p.columns.join('+'), p.rows]);
  assert.deepEqual(patterns, [['0', 5], ['0+1', 5]]);
  const plan = session.configure({ target: 'y', epochs: 1 });
  assert.equal(plan.droppedRows, 10);
  assert.equal(plan.trainRows + plan.valRows, 40);
  const left = session.configure({ target: 'y', epochs: 1, exclude: ['a'] });
  assert.equal(left.droppedRows, 5);
  assert.deepEqual(left.droppedColumns, ['a']);
  session.delete();
});

test('the CSV settings table is exported for the page', () => {
  const table = gradtape.csvSettingsSchema();
  assert.deepEqual(table.map((row) => row.key), ['decimal', 'textEncoding']);
  for (const row of table) {
    assert.equal(row.default, 'auto');
    assert.ok(row.help.length > 40, row.key);
    assert.ok(row.choices.length === 3, row.key);
  }
});
