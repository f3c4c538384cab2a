/* The call simulator's conversation page (one run, or several chats side by side).
 * Per conversation: a clock (seconds since the start, sent with each reply as `at`), a
 * dead-air countdown after the customer's line (or a hold timer while on hold), focus back
 * in the reply box after each reply, and for voice calls the customer's lines read aloud by
 * the device's own offline voice (speechSynthesis, local voices only; the text is always
 * shown). The new customer line is announced by the server's fragment in an aria-live
 * region. Without JavaScript the page is a plain form and the server keeps the time. */
(function () {
  "use strict";
  var conversations = document.querySelectorAll(".conversation[data-run]");
  if (!conversations.length) { return; }

  function format(seconds) {
    var whole = Math.max(0, Math.round(seconds));
    return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
  }

  // --- speech (voice calls) ---------------------------------------------------------------
  var synth = window.speechSynthesis;
  var toggle = document.getElementById("read-aloud");
  var toggleWrap = document.getElementById("read-aloud-wrap");
  var localVoice = null;
  var STORE = "simulator-read-aloud";

  function pickVoice() {
    if (!synth) { return; }
    var voices = synth.getVoices().filter(function (v) { return v.localService; });
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    localVoice = voices.filter(function (v) { return v.lang.slice(0, 2) === lang; })[0] ||
      voices.filter(function (v) { return v.lang.slice(0, 2) === "en"; })[0] || voices[0] || null;
    if (toggleWrap && localVoice) {
      toggleWrap.hidden = false;
      toggle.checked = window.localStorage.getItem(STORE) !== "off";
    }
  }

  function speak(text) {
    if (!synth || !localVoice || !toggle || !toggle.checked || !text) { return; }
    synth.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = localVoice;
    utterance.lang = localVoice.lang;
    synth.speak(utterance);
  }

  if (toggle && synth) {
    pickVoice();
    if (typeof synth.addEventListener === "function") {
      synth.addEventListener("voiceschanged", pickVoice);
    }
    toggle.addEventListener("change", function () {
      window.localStorage.setItem(STORE, toggle.checked ? "on" : "off");
      if (!toggle.checked) { synth.cancel(); }
    });
  }

  function lastCustomerLine(section) {
    var lines = section.querySelectorAll(".turn-customer .turn-text");
    return lines.length ? lines[lines.length - 1].textContent : "";
  }

  // --- clocks and dead air ----------------------------------------------------------------
  function setUp(section) {
    var id = section.dataset.run;
    var origin = performance.now() - Number(section.dataset.elapsed || 0) * 1000;
    var deadAir = Number(section.dataset.deadAir || 0);
    var holdMax = Number(section.dataset.holdMax || 0);
    var clock = document.getElementById("run" + id + "-clock");
    var hint = document.getElementById("run" + id + "-hint");
    var lastHint = "";

    function now() { return (performance.now() - origin) / 1000; }

    function status() { return document.getElementById("run" + id + "-status"); }

    function say(text) {
      if (text !== lastHint) { hint.textContent = text; lastHint = text; }
    }

    function tick() {
      var elapsed = now();
      clock.textContent = format(elapsed);
      var state = status();
      if (!state || state.dataset.ended) { say(""); return; }
      if (state.dataset.onHold) {
        var held = elapsed - Number(state.dataset.holdStarted || 0);
        say(held > holdMax ? section.dataset.holdOver
          : section.dataset.holdLabel.replace("%(n)s", format(held)));
        section.classList.toggle("over", held > holdMax);
        return;
      }
      if (!deadAir) { return; }
      var since = elapsed - Number(state.dataset.lastAt || 0);
      var left = Math.ceil(deadAir - since);
      section.classList.toggle("over", left < 0);
      if (left < 0) {
        if (lastHint !== section.dataset.deadAirOver) {
          say(section.dataset.deadAirOver);
          announce(section.dataset.deadAirOver);  // once per gap, politely
        }
      } else {
        say(section.dataset.deadAirLabel.replace("%(n)s", left));
      }
    }

    function announce(text) {
      var region = document.getElementById("run" + id + "-announce");
      if (region) { region.textContent = text; }
    }

    // Capture phase: the time is set before htmx (or the browser) reads the form.
    section.addEventListener("submit", function (event) {
      var form = event.target;
      var at = form.querySelector("input[name=at]");
      if (at) { at.value = now().toFixed(1); }
    }, true);
    function scrollDown() {
      var list = document.getElementById("run" + id + "-transcript");
      if (list) { list.scrollTop = list.scrollHeight; }
    }

    section.addEventListener("htmx:afterSettle", function () {
      scrollDown();
      var box = document.getElementById("run" + id + "-text");
      var link = document.getElementById("run" + id + "-result-link");
      var errors = document.getElementById("run" + id + "-errors");
      if (errors) { errors.setAttribute("tabindex", "-1"); errors.focus(); }
      else if (box) { box.focus(); } else if (link) { link.focus(); }
      if (section.dataset.voice) { speak(lastCustomerLine(section)); }
    });
    scrollDown();
    tick();
    window.setInterval(tick, 500);
  }

  Array.prototype.forEach.call(conversations, setUp);
  // Send with Ctrl+Enter (or Cmd+Enter); Enter alone makes a new line.
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && box.form &&
        box.form.classList.contains("reply-form")) {
      event.preventDefault();
      box.form.requestSubmit();
    }
  });
  if (conversations.length === 1 && conversations[0].dataset.voice) {
    window.setTimeout(function () { speak(lastCustomerLine(conversations[0])); }, 300);
  }
})();
