/* The feedback page plays back the answer's recording from this browser and deletes it;
 * the coach's home page counts and clears every recording of the user on this device. */
(function () {
  "use strict";
  var store = window.LaunchpadRecordings;
  if (!store) { return; }
  var box = document.getElementById("playback");
  if (box) {
    var key = store.key(box.dataset.user, box.dataset.answerId);
    var audio = document.getElementById("playback-audio");
    store.get(key).then(function (found) {
      if (!found) { return; }
      audio.src = URL.createObjectURL(found.blob);
      box.hidden = false;
    }, function () {});
    document.getElementById("playback-delete").addEventListener("click", function () {
      store.remove(key).then(function () {
        audio.removeAttribute("src");
        box.innerHTML = "";
        var note = document.createElement("p");
        note.setAttribute("role", "status");
        note.textContent = box.dataset.deletedLabel;
        box.appendChild(note);
      });
    });
  }
  var manage = document.getElementById("recordings-manage");
  if (manage) {
    var count = document.getElementById("recordings-count");
    var clear = document.getElementById("recordings-clear");
    var refresh = function () {
      store.countUser(manage.dataset.user).then(function (n) {
        count.textContent = manage.dataset.countLabel.replace("%(n)s", n);
        manage.hidden = false;
        clear.hidden = n === 0;
      }, function () {});
    };
    clear.addEventListener("click", function () {
      store.clearUser(manage.dataset.user).then(refresh);
    });
    refresh();
  }
})();
