// No function of the built module is large enough to block the page while it compiles. V8
// compiles WebAssembly lazily: each function on its first call, whole, on the page's thread, so
// a function's first call costs a pause as long as its compiling, which no slicing can cut.
// wasm/CMakeLists.txt caps wasm-opt's inlining of one-caller functions for this (uncapped, it
// made configure_with a 107 KB function that took 20 to 37 ms to compile in Chromium).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../support/paths.mjs';

const MOST_BODY_BYTES = 64 * 1024;

// The wasm inlined in gradtape.js (SINGLE_FILE) as a base64 data: URL.
function inlinedWasm() {
  const script = readFileSync(join(distDir, 'gradtape.js'), 'utf8');
  const found = script.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/);
  assert.ok(found, 'gradtape.js holds no inlined wasm');
  return Buffer.from(found[1], 'base64');
}

// The byte size of every function body in the code section (section 10), in order.
function bodySizes(bytes) {
  let at = 8; // past the magic number and the version
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 10) {
      const sizes = [];
      for (let n = leb(); n > 0; n -= 1) {
        const body = leb();
        sizes.push(body);
        at += body;
      }
      assert.equal(at, end, 'the code section ends where its size says');
      return sizes;
    }
    at = end;
  }
  throw new Error('the wasm has no code section');
}

test('the module parses as WebAssembly and has functions', () => {
  const bytes = inlinedWasm();
  assert.ok(WebAssembly.validate(bytes));
  assert.ok(bodySizes(bytes).length > 100);
});

test(`no function body is over ${MOST_BODY_BYTES / 1024} KB`, () => {
  const sizes = bodySizes(inlinedWasm());
  const over = sizes.map((size, index) => ({ index, size })).filter(({ size }) => size > MOST_BODY_BYTES);
  assert.deepEqual(over, [], `functions (by index in the code section) over ${MOST_BODY_BYTES} bytes`);
});
