// @ts-check
// Getting a CSV into the page: the drop zone (a file dropped anywhere on the page lands there
// too), the "CSV file" picker and the built-in sample. Checks the size before reading, and
// refuses while a run is going or another file is being read; hands the file to
// onText({ name, bytes, text }), where `text` is the file's raw bytes (a Uint8Array: the engine
// names the line of anything not UTF-8) or a string.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, setText } = ui.dom;
  const fmt = ui.format;

  // The engine's limit (core/data/limits.h), checked before the file is read.
  const MAX_BYTES = window.gradtapeTables.limits.maxFileBytes;

  // Why `name` is not loaded while `reading` is: one file is read at a time.
  /** @param {string} name @param {string} reading */
  const stillReading = (name, reading) => `${name}: ${reading} is still being read. Load ${name} again once it has loaded.`;

  // mode() gives the mode the app state is in, loadingName() the file being read; the loader
  // keeps no copy of either.
  // onModel(name, text): a dropped .json file, which is a model file (or settings) rather than data.
  function createLoader({ onText, onModel, onReject, isLocked, mode, loadingName }) {
    const zone = byId('dropzone');
    const title = byId('dz-title');
    const sub = byId('dz-sub');
    const input = byId('csv-file');
    const sampleButton = byId('sample-button');
    let dragDepth = 0; // drag events seen over the page, while a file is dragged over it
    setText(byId('csv-limit'), `Comma, semicolon or tab separated, with a header row. Up to ${fmt.bytes(MAX_BYTES)}.`);

    // Paints `next`, the app's mode or 'over' (a file dragged over the page while idle).
    function paint(next) {
      const name = loadingName();
      zone.dataset.state = next;
      if (next === 'locked') {
        setText(title, 'Locked while training');
        setText(sub, 'Stop the run to load another file.');
      } else if (next === 'busy') {
        setText(title, `Reading ${name}…`);
        setText(sub, 'The file is parsed on this device.');
      } else if (next === 'engine') {
        setText(title, 'Drop a CSV file here');
        setText(sub, 'The training engine is starting…');
      } else if (next === 'failed') {
        setText(title, 'Loading is unavailable');
        setText(sub, 'The training engine did not start (see the message above).');
      } else {
        setText(title, next === 'over' ? 'Drop to load it' : 'Drop a CSV file here');
        setText(sub, 'or choose one below. It is read on this device only.');
      }
      const off = next === 'locked' || next === 'busy' || next === 'failed';
      input.disabled = off;
      sampleButton.disabled = off;
    }

    /** @param {string} message @param {string} [kind] */
    function refuse(message, kind) {
      onReject(message, kind);
    }

    async function take(files) {
      if (mode() === 'failed') {
        refuse('The training engine did not start, so files cannot be read.');
        return;
      }
      if (isLocked()) {
        refuse('A run is in progress. Stop it (or let it finish) before loading another file; the run is not affected.', 'locked');
        return;
      }
      if (!files || files.length === 0) {
        refuse('Nothing to load: drop a CSV file, not text or a link.');
        return;
      }
      if (files.length > 1) {
        refuse(`Drop one file at a time (${files.length} were dropped).`);
        return;
      }
      const file = files[0];
      if (onModel && /\.json$/i.test(file.name)) {
        let text;
        try {
          text = await file.text();
        } catch (error) {
          refuse(`Could not read ${file.name}: ${error.message || error}`);
          return;
        }
        onModel(file.name, text);
        return;
      }
      if (file.size > MAX_BYTES) {
        refuse(`${file.name}: the file is ${fmt.bytes(file.size)}; the limit is ${fmt.bytes(MAX_BYTES)}: take a sample of the rows, or leave out columns you do not need.`);
        return;
      }
      if (file.size === 0) {
        refuse(`${file.name} is empty.`);
        return;
      }
      const reading = loadingName(); // one file is read at a time: this one's bytes are not read
      if (reading) {
        refuse(stillReading(file.name, reading));
        return;
      }
      let text;
      try {
        text = new Uint8Array(await file.arrayBuffer());
      } catch (error) {
        refuse(`Could not read ${file.name}: ${error.message || error}`);
        return;
      }
      await onText({ name: file.name, bytes: file.size, text });
    }

    function onDragOver(event) {
      if (!event.dataTransfer || !Array.from(event.dataTransfer.types || []).includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = isLocked() ? 'none' : 'copy';
    }

    // Anywhere on the page: no navigating away to the dropped file, and the zone lights up.
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragenter', (event) => {
      if (!event.dataTransfer || !Array.from(event.dataTransfer.types || []).includes('Files')) return;
      dragDepth += 1;
      if (mode() === 'idle') paint('over');
    });
    document.addEventListener('dragleave', () => {
      dragDepth = Math.max(0, dragDepth - 1);
      if (dragDepth === 0) paint(mode());
    });
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      dragDepth = 0;
      paint(mode());
      take(event.dataTransfer ? event.dataTransfer.files : null);
    });

    input.addEventListener('change', () => {
      const files = input.files;
      take(files ? Array.from(files) : null).finally(() => { input.value = ''; });
    });

    sampleButton.addEventListener('click', () => {
      const sample = window.gradtapeSample;
      if (isLocked()) {
        refuse('A run is in progress. Stop it (or let it finish) before loading another file; the run is not affected.', 'locked');
        return;
      }
      if (!sample || typeof sample.text !== 'string') {
        refuse('The built-in sample is missing from this build (js/sample-data.js).');
        return;
      }
      onText({ name: sample.name, bytes: new Blob([sample.text]).size, text: sample.text });
    });

    return {
      // Paints the app's mode: 'idle' | 'busy' (reading a file) | 'locked' (a run is going) |
      // 'engine' (starting) | 'failed' (the engine did not start).
      render: () => paint(mode()),
    };
  }

  ui.createLoader = createLoader;
  ui.stillReading = stillReading;
  ui.MAX_CSV_BYTES = MAX_BYTES;
})(window.gradtapeUI = window.gradtapeUI || {});
