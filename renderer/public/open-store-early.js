// Asks Chromium to open this origin's IndexedDB store while the app's own modules are still being
// fetched and compiled. On a fresh launch, opening the store is most of the cold start (about 1.6 s with
// a service's data: tests/bench/README.md) and is done once for the origin, so starting it here, before
// Vue and Dexie load, shortens the wait at the end of the start. A classic script, so that it runs as the
// page is parsed: module scripts would be bundled with the app and wait for it.
//
// Once open, it also reads the settings rows its tag names in `data-list-rows` (the pupil list's change
// stamp and its first screen) and those in `data-list-range` ("lower,prefix": keys from lower to prefix followed
// by anything: the rest of the list's snapshot), as stored: sealed, so nothing is opened here. Two transactions
// at once, so the few named rows come back without waiting for the range (at a county, 20 values and about
// 400 ms). The app takes them from `window.careersDeskEarlyRead` (renderer/src/db/early-read.ts), which checks
// they are still current: the named rows, and `inRange`, a promise of the range's rows (null if unread).
//
// The connection holds nothing: it yields at once to a version change (a migration, a restore) and is
// closed soon after the app has its own. On a first run there is no database yet, and none is made here.
// The database's name and the rows come from the script tag (renderer/index.html; a unit test keeps them in step).
(function openStoreEarly() {
  'use strict';
  var HOLD_MS = 15000;
  var script = document.currentScript;
  var name = script && script.getAttribute('data-database');
  var rowKeys = ((script && script.getAttribute('data-list-rows')) || '').split(',').filter(Boolean);
  var range = ((script && script.getAttribute('data-list-range')) || '').split(',');
  if (!name || typeof indexedDB === 'undefined') return;
  var settle;
  // User-timing marks for the benchmark's cold start (tests/bench/browser.spec.ts): when the store opened, when read.
  function mark(what) {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark(what);
  }
  // What the app finds: null when nothing was read (no database, no settings, an error), else the rows as stored.
  window.careersDeskEarlyRead = new Promise(function (resolve) {
    settle = resolve;
  });
  function readRows(connection) {
    if (rowKeys.length === 0 || !connection.objectStoreNames.contains('settings')) return settle(null);
    var rangeRead = range.length === 2 && range[0] && range[1] ? readRange(connection, range[0], range[1] + '\uffff') : Promise.resolve([]);
    var transaction = connection.transaction('settings', 'readonly');
    var store = transaction.objectStore('settings');
    var requests = rowKeys.map(function (key) {
      return store.get(key);
    });
    transaction.oncomplete = function () {
      mark('early:read');
      settle({
        database: name,
        version: connection.version,
        rows: requests.map(function (request) {
          return request.result;
        }),
        inRange: rangeRead,
      });
    };
    transaction.onabort = function () {
      settle(null);
    };
  }
  function readRange(connection, lower, upper) {
    return new Promise(function (resolve) {
      try {
        var transaction = connection.transaction('settings', 'readonly');
        var all = transaction.objectStore('settings').getAll(IDBKeyRange.bound(lower, upper));
        transaction.oncomplete = function () {
          mark('early:read-range');
          resolve(all.result);
        };
        transaction.onabort = function () {
          resolve(null);
        };
      } catch {
        resolve(null);
      }
    });
  }
  try {
    mark('early:store-asked');
    var opening = indexedDB.open(name);
    // Opening without a version would create a missing database: stop that; the app creates it with its schema.
    opening.onupgradeneeded = function () {
      if (opening.transaction) opening.transaction.abort();
    };
    opening.onerror = function (event) {
      event.preventDefault();
      settle(null);
    };
    opening.onsuccess = function () {
      mark('early:store-open');
      var connection = opening.result;
      connection.onversionchange = function () {
        connection.close();
      };
      setTimeout(function () {
        connection.close();
      }, HOLD_MS);
      try {
        readRows(connection);
      } catch {
        settle(null);
      }
    };
  } catch {
    settle(null);
    // IndexedDB refused (a private window, a policy): the app says so itself when it opens the database.
  }
})();
