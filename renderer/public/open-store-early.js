// Asks Chromium to open this origin's IndexedDB store while the app's own modules are still being
// fetched and compiled. On a fresh launch, opening the store is most of the cold start (about 1.6 s with
// a service's data: tests/bench/README.md) and is done once for the origin, so starting it here, before
// Vue and Dexie load, shortens the wait at the end of the start. A classic script, so that it runs as the
// page is parsed: module scripts would be bundled with the app and wait for it.
//
// The connection holds nothing: it yields at once to a version change (a migration, a restore) and is
// closed soon after the app has its own. On a first run there is no database yet, and none is made here.
// The database's name comes from the script tag (renderer/index.html; a unit test keeps it in step).
(function openStoreEarly() {
  'use strict';
  var HOLD_MS = 15000;
  var script = document.currentScript;
  var name = script && script.getAttribute('data-database');
  if (!name || typeof indexedDB === 'undefined') return;
  try {
    var opening = indexedDB.open(name);
    // Opening without a version would create a missing database: stop that; the app creates it with its schema.
    opening.onupgradeneeded = function () {
      if (opening.transaction) opening.transaction.abort();
    };
    opening.onerror = function (event) {
      event.preventDefault();
    };
    opening.onsuccess = function () {
      var connection = opening.result;
      connection.onversionchange = function () {
        connection.close();
      };
      setTimeout(function () {
        connection.close();
      }, HOLD_MS);
    };
  } catch {
    // IndexedDB refused (a private window, a policy): the app says so itself when it opens the database.
  }
})();
