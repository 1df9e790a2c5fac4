/*
 * Reading tools for seniors: a larger-text mode (remembered in localStorage, no cookie) and
 * "read aloud" with the browser's own speech synthesis, shown only when the browser has a voice
 * for the page's language. Nothing leaves the browser.
 */
(function () {
  "use strict";

  var tools = document.querySelector(".pw-reading-tools");
  if (!tools) return;
  var html = document.documentElement;
  var LARGE_TEXT_KEY = "pw-large-text";

  // --- larger text ---------------------------------------------------------------------------
  var largeToggle = tools.querySelector(".pw-large-text-toggle");

  function setLargeText(on) {
    html.classList.toggle("pw-large-text", on);
    largeToggle.setAttribute("aria-pressed", on ? "true" : "false");
    try { if (on) localStorage.setItem(LARGE_TEXT_KEY, "1"); else localStorage.removeItem(LARGE_TEXT_KEY); }
    catch (error) { /* storage off: the mode lasts for this page only */ }
  }

  var remembered = false;
  try { remembered = localStorage.getItem(LARGE_TEXT_KEY) === "1"; } catch (error) { /* storage off */ }
  setLargeText(remembered);
  largeToggle.addEventListener("click", function () { setLargeText(!html.classList.contains("pw-large-text")); });
  tools.hidden = false;

  // --- read aloud ------------------------------------------------------------------------------
  var speech = window.speechSynthesis;
  var readButton = tools.querySelector(".pw-read-aloud");
  var article = document.querySelector(".md-content article");
  if (!speech || !window.SpeechSynthesisUtterance || !article) return;

  var pageLanguage = (html.lang || "").toLowerCase();
  var reading = false;

  function voiceForPage() {
    var voices = speech.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var voiceLanguage = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (voiceLanguage === pageLanguage || voiceLanguage.indexOf(pageLanguage + "-") === 0) return voices[i];
    }
    return null;
  }

  // Read block by block: long utterances stop halfway in some browsers, and the block being read
  // is marked so the reader can follow along.
  function blocksToRead() {
    return [].filter.call(article.querySelectorAll("h1, h2, h3, p, li"), function (block) {
      return block.offsetParent !== null && !block.closest("li p, .pw-reading-tools, .pw-print-qr")
        && block.textContent.trim();
    });
  }

  function clearMark() {
    [].forEach.call(article.querySelectorAll(".pw-reading-now"), function (el) { el.classList.remove("pw-reading-now"); });
  }

  function setReading(on) {
    reading = on;
    readButton.textContent = readButton.getAttribute(on ? "data-stop" : "data-start");
    if (!on) clearMark();
  }

  function stop() {
    speech.cancel();
    setReading(false);
  }

  function readAloud() {
    var voice = voiceForPage();
    if (!voice) return;
    speech.cancel();
    var blocks = blocksToRead();
    setReading(true);
    blocks.forEach(function (block, index) {
      var utterance = new SpeechSynthesisUtterance(block.textContent.replace(/\s+/g, " ").trim());
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onstart = function () { clearMark(); block.classList.add("pw-reading-now"); };
      if (index === blocks.length - 1) utterance.onend = function () { setReading(false); };
      speech.speak(utterance);
    });
  }

  function showWhenVoiceExists() { readButton.hidden = !voiceForPage(); }

  readButton.addEventListener("click", function () { if (reading) stop(); else readAloud(); });
  window.addEventListener("pagehide", function () { if (reading) speech.cancel(); });
  showWhenVoiceExists();
  // Voices often arrive after the page has loaded.
  if (speech.addEventListener) speech.addEventListener("voiceschanged", showWhenVoiceExists);
})();
