// The one import that suspends a wasm call (Asyncify): the page's Pacer (wasm/bindings.cpp)
// calls it when a slice of long work is spent (core/pacer.h). The call resumes in a later task
// (a MessageChannel message, which is not throttled as setTimeout is), so the page can draw and
// handle input in between.
mergeInto(LibraryManager.library, {
  gradtape_yield_to_page: function () {
    Asyncify.handleSleep(function (wakeUp) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        channel.port1.close();
        wakeUp();
      };
      channel.port2.postMessage(0);
    });
  },
});
