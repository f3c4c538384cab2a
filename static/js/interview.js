/* The question page: thinking and answer timers, a live word count, and an optional
 * recording made with the microphone and kept in this browser (recordings.js). Without
 * JavaScript the page is a plain form and the server measures the time on its own. */
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  var timer = document.getElementById("timer");
  if (!form || !timer) { return; }
  var text = form.querySelector("textarea");
  var clock = document.getElementById("timer-clock");
  var phase = document.getElementById("timer-phase");
  var startButton = document.getElementById("start-answer");
  var wordCount = document.getElementById("word-count");
  var thinkLimit = Number(timer.dataset.think);
  var answerLimit = Number(timer.dataset.answer);
  var shownAt = performance.now();
  var answerFrom = null;

  function format(seconds) {
    var whole = Math.abs(Math.round(seconds));
    var text = Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
    return seconds < 0 ? "+" + text : text;
  }

  function beginAnswer() {
    if (answerFrom !== null) { return; }
    answerFrom = performance.now();
    phase.textContent = timer.dataset.answerLabel;
    startButton.hidden = true;
    timer.classList.add("answering");
    render();
  }

  function render() {
    var now = performance.now();
    if (answerFrom === null) {
      var thinkLeft = thinkLimit - (now - shownAt) / 1000;
      if (thinkLeft <= 0) { beginAnswer(); return; }
      clock.textContent = format(thinkLeft);
      return;
    }
    var left = answerLimit - (now - answerFrom) / 1000;
    clock.textContent = format(left);
    if (left < 0 && !timer.classList.contains("over")) {
      timer.classList.add("over");
      phase.textContent = timer.dataset.overLabel;
    }
  }

  function countWords() {
    var words = text.value.trim() ? text.value.trim().split(/\s+/).length : 0;
    wordCount.textContent = form.dataset.wordsLabel
      .replace("%(n)s", words).replace("%(min)s", form.dataset.min).replace("%(max)s", form.dataset.max);
  }

  timer.hidden = false;
  render();
  window.setInterval(render, 250);
  startButton.addEventListener("click", function () { beginAnswer(); text.focus(); });
  text.addEventListener("input", function () { beginAnswer(); countWords(); });
  countWords();

  // Recording --------------------------------------------------------------------------
  var recorderBox = document.getElementById("recorder");
  var recordStart = document.getElementById("record-start");
  var recordStop = document.getElementById("record-stop");
  var recordDiscard = document.getElementById("record-discard");
  var recordStatus = document.getElementById("record-status");
  var preview = document.getElementById("record-preview");
  var store = window.LaunchpadRecordings;
  var recorder = null;
  var recording = null;
  var recordingSeconds = 0;
  var recordFrom = 0;

  if (recorderBox && store && window.MediaRecorder && navigator.mediaDevices &&
      navigator.mediaDevices.getUserMedia) {
    recorderBox.hidden = false;
  }

  function show(element, visible) { if (element) { element.hidden = !visible; } }

  recordStart && recordStart.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (event) {
        if (event.data && event.data.size) { chunks.push(event.data); }
      });
      recorder.addEventListener("stop", function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        recordingSeconds = (performance.now() - recordFrom) / 1000;
        recording = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
        preview.src = URL.createObjectURL(recording);
        show(preview, true);
        show(recordDiscard, true);
        show(recordStart, true);
        show(recordStop, false);
        recordStart.textContent = recordStart.dataset.againLabel;
        recordStatus.textContent = recordStatus.dataset.doneLabel;
      });
      recordFrom = performance.now();
      recorder.start();
      beginAnswer();
      show(recordStart, false);
      show(recordStop, true);
      recordStop.focus();
      recordStatus.textContent = recordStatus.dataset.recordingLabel;
    }).catch(function () {
      recordStatus.textContent = recordStatus.dataset.deniedLabel;
    });
  });

  recordStop && recordStop.addEventListener("click", function () {
    if (recorder && recorder.state !== "inactive") { recorder.stop(); }
  });

  recordDiscard && recordDiscard.addEventListener("click", function () {
    recording = null;
    preview.removeAttribute("src");
    show(preview, false);
    show(recordDiscard, false);
    recordStatus.textContent = recordStatus.dataset.discardedLabel;
    recordStart.focus();
  });

  form.addEventListener("submit", function (event) {
    var now = performance.now();
    var started = answerFrom === null ? now : answerFrom;
    form.elements.think_seconds.value = ((started - shownAt) / 1000).toFixed(1);
    form.elements.answer_seconds.value = ((now - started) / 1000).toFixed(1);
    if (recorder && recorder.state === "recording") {
      event.preventDefault();
      recorder.addEventListener("stop", function () { form.requestSubmit(); }, { once: true });
      recorder.stop();
      return;
    }
    if (!recording) { return; }
    event.preventDefault();
    var key = store.key(form.dataset.user, form.dataset.answerId);
    form.elements.spoken.value = "True";
    store.put(key, recording, recordingSeconds).then(function () {
      recording = null;
      form.submit();
    }, function () {
      recordStatus.textContent = recordStatus.dataset.unsavedLabel;
      recording = null;
      form.submit();
    });
  });
})();
