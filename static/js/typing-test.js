/* Typing test page script: records every keystroke with its time and sends the log to the
   server, which does all the scoring. It reads what the text box gained or lost on each
   input event (rather than raw key codes) so phone keyboards and IMEs are recorded the same
   way as hardware keys: each added character is a keystroke, each removed one a Backspace. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("typing-config").textContent);
  var input = document.getElementById("typing-input");
  var display = document.getElementById("typing-text");
  var statusLine = document.getElementById("typing-status");
  var timerEl = document.getElementById("typing-timer");
  var progressEl = document.getElementById("typing-progress");
  var finishButton = document.getElementById("typing-finish");
  var csrf = document.querySelector("#typing-csrf [name=csrfmiddlewaretoken]").value;

  var words = config.text.split(" ");
  var events = [];
  var typed = "";
  var startedAt = null;
  var finished = false;
  var ticker = null;

  // Draw the text once: a span per word, a span per character.
  var wordSpans = words.map(function (word, index) {
    var span = document.createElement("span");
    span.className = "word";
    for (var i = 0; i < word.length; i++) {
      var ch = document.createElement("span");
      ch.textContent = word[i];
      span.appendChild(ch);
    }
    display.appendChild(span);
    if (index < words.length - 1) display.appendChild(document.createTextNode(" "));
    return span;
  });

  function now() {
    return (performance.now() - startedAt) / 1000;
  }

  function record(key) {
    if (startedAt === null) {
      startedAt = performance.now();
      startTimer();
    }
    events.push({ t: Math.round(now() * 1000) / 1000, key: key });
  }

  function paintWord(index, typedWord, current) {
    var span = wordSpans[index];
    if (!span) return;
    var chars = span.childNodes;
    for (var i = 0; i < chars.length; i++) {
      var state = "";
      if (typedWord !== null && i < typedWord.length) {
        state = typedWord[i] === words[index][i] ? "ok" : "bad";
      }
      chars[i].className = state;
    }
    span.className = "word" + (current ? " current" : "") +
      (typedWord !== null && !current && typedWord !== words[index] ? " wrong" : "") +
      (typedWord !== null && typedWord.length > words[index].length ? " extra" : "");
  }

  var painted = 0;
  function repaint() {
    var typedWords = typed.split(" ");
    var current = typedWords.length - 1;
    var upto = Math.max(painted, current + 1);
    for (var i = Math.max(0, current - 2); i < upto && i < words.length; i++) {
      paintWord(i, i < typedWords.length ? typedWords[i] : null, i === current);
    }
    painted = current + 1;
    var currentSpan = wordSpans[Math.min(current, wordSpans.length - 1)];
    if (currentSpan && currentSpan.scrollIntoView && display.scrollHeight > display.clientHeight) {
      display.scrollTop = Math.max(0, currentSpan.offsetTop - display.offsetTop - 24);
    }
    progressEl.textContent = Math.min(current, words.length) + " / " + words.length;
  }

  function onInput() {
    if (finished) return;
    var value = input.value.replace(/\n/g, "");
    var common = 0;
    while (common < typed.length && common < value.length && typed[common] === value[common]) common++;
    for (var i = typed.length; i > common; i--) record("Backspace");
    for (var j = common; j < value.length; j++) record(value[j]);
    typed = value;
    if (input.value !== value) input.value = value;
    repaint();
    if (config.mode === "text" && typed.length >= config.text.length) finish();
  }

  function startTimer() {
    statusLine.textContent = config.mode === "timed" ? "The timer is running." : "Type to the end of the text, or press Finish now.";
    ticker = window.setInterval(function () {
      var elapsed = now();
      if (config.mode === "timed") {
        var left = Math.max(0, config.duration - elapsed);
        timerEl.textContent = Math.ceil(left);
        if (left <= 0) finish();
      } else {
        timerEl.textContent = Math.floor(elapsed);
      }
    }, 200);
  }

  function finish() {
    if (finished) return;
    finished = true;
    if (ticker) window.clearInterval(ticker);
    input.readOnly = true;
    finishButton.disabled = true;
    if (config.mode === "timed") {
      // Keystrokes after the limit do not count; the server drops them too.
      events = events.filter(function (e) { return e.t <= config.duration; });
    }
    submit();
  }

  function submit() {
    statusLine.textContent = "Scoring your test…";
    fetch(config.submitUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ events: events })
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (reply) {
      if (reply.status === 200) { window.location.assign(reply.body.url); return; }
      statusLine.textContent = reply.body.error || "The test could not be scored.";
      // Already submitted (for example in another tab): show that result.
      if (reply.status === 409 && reply.body.url) window.location.assign(reply.body.url);
    }).catch(function () {
      statusLine.textContent = "The result could not be sent (no connection?). Press Finish now to try again.";
      finished = false;
      finishButton.disabled = false;
    });
  }

  input.addEventListener("input", onInput);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") event.preventDefault();
  });
  input.addEventListener("paste", function (event) { event.preventDefault(); });
  input.addEventListener("drop", function (event) { event.preventDefault(); });
  finishButton.addEventListener("click", function () {
    if (finished && !finishButton.disabled) return;
    if (startedAt === null) { statusLine.textContent = "Type something first: the timer starts with your first key."; return; }
    finish();
  });
  repaint();
  input.focus();
})();
