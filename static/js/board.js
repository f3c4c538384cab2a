/* The application board (applications/board.html).
 *
 * Every card moves with its "Move to" list and button: a plain form that works without
 * JavaScript, sent by htmx without a page reload when htmx is there. This script adds:
 * - the announcement of a move or of the reason it was refused, in the board's status line
 *   (the server sends a "board-status" event with the response), and the focus back on the
 *   moved card after htmx swapped the board;
 * - drag and drop for pointer users: dropping a card on a column sends the same form with
 *   that column's stage, so the server's rules (and their reasons) apply alike.
 */
(function () {
  "use strict";
  var status = document.getElementById("board-status");
  if (!status) { return; }
  var dragged = null;

  function announce(message, isError) {
    status.classList.toggle("board-status-error", Boolean(isError));
    // Emptied first so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  document.body.addEventListener("board-status", function (event) {
    var detail = event.detail || {};
    announce(detail.message || "", detail.refused);
    if (!detail.card) { return; }
    var card = document.getElementById(detail.card);
    if (!card) { return; }
    var closed = card.closest("details");
    if (closed) { closed.open = true; }
    card.focus();
    if (card.scrollIntoView) { card.scrollIntoView({ block: "nearest", inline: "nearest" }); }
  });

  // A network failure or a server error (no reason sent) still says something.
  document.body.addEventListener("htmx:sendError", function () {
    announce(status.dataset.failed || "", true);
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status >= 500) {
      announce(status.dataset.failed || "", true);
    }
  });

  function columnOf(target) {
    return target && target.closest ? target.closest(".board-column") : null;
  }

  function clearTargets() {
    document.querySelectorAll(".board-column.drop-target").forEach(function (column) {
      column.classList.remove("drop-target");
    });
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest ? event.target.closest(".app-card[draggable=true]") : null;
    if (!card) { return; }
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.card);
    card.classList.add("dragging");
  });

  document.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("dragging"); }
    dragged = null;
    clearTargets();
  });

  document.addEventListener("dragover", function (event) {
    var column = columnOf(event.target);
    if (!dragged || !column || column.dataset.stage === dragged.dataset.stage) { return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!column.classList.contains("drop-target")) {
      clearTargets();
      column.classList.add("drop-target");
    }
  });

  document.addEventListener("drop", function (event) {
    var column = columnOf(event.target);
    if (!dragged || !column) { return; }
    event.preventDefault();
    clearTargets();
    var form = dragged.querySelector("form.move-form");
    var select = form ? form.querySelector("select[name=to_stage]") : null;
    if (!select) { return; }
    var stage = column.dataset.stage;
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === stage;
    });
    if (!known) {
      // Not a move the list offers: the server refuses it and its reason is announced.
      var option = new Option(stage, stage);
      option.hidden = true;
      select.add(option);
    }
    select.value = stage;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });
})();
