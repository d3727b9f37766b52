// The analysis worker's bootstrap (a module worker). The page sends the URL of its
// wasm-bindgen glue and its compiled WebAssembly module: the worker runs the same
// module as the page, so nothing is downloaded or compiled twice. Its `main` sees it
// is in a worker and answers jobs (src/ui/io.rs, `serve_jobs`), saying "ready" first.
self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    const glue = await import(event.data.glue);
    glue.initSync({ module: event.data.module });
  } catch (e) {
    self.postMessage({ failed: 'the analysis worker could not start: ' + e });
  }
};
