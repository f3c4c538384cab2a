/* Answer recordings kept in this browser only (IndexedDB): nothing is uploaded.
 * Keys are "<user id>:<answer id>", so one person's recordings are never looked up on
 * another person's pages; clearUser() deletes every recording of one user on this device. */
(function () {
  "use strict";
  var DB_NAME = "launchpad-recordings";
  var STORE = "recordings";

  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var request = window.indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result;
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
        work(tx.objectStore(STORE), function (value) { result = value; });
      });
    });
  }

  window.LaunchpadRecordings = {
    key: function (user, answer) { return String(user) + ":" + String(answer); },
    put: function (key, blob, seconds) {
      return run("readwrite", function (store) {
        store.put({ key: key, blob: blob, type: blob.type, seconds: seconds, saved: Date.now() });
      });
    },
    get: function (key) {
      return run("readonly", function (store, done) {
        var request = store.get(key);
        request.onsuccess = function () { done(request.result || null); };
      });
    },
    remove: function (key) {
      return run("readwrite", function (store) { store.delete(key); });
    },
    countUser: function (user) {
      var prefix = String(user) + ":";
      return run("readonly", function (store, done) {
        var request = store.getAllKeys();
        request.onsuccess = function () {
          done(request.result.filter(function (k) { return String(k).indexOf(prefix) === 0; }).length);
        };
      });
    },
    clearUser: function (user) {
      var prefix = String(user) + ":";
      return run("readwrite", function (store) {
        var request = store.getAllKeys();
        request.onsuccess = function () {
          request.result.forEach(function (k) {
            if (String(k).indexOf(prefix) === 0) { store.delete(k); }
          });
        };
      });
    }
  };
})();
