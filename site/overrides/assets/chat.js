/*
 * Preventiewijzer chat: talks to the Rasa REST channel of the same origin, with the page's
 * language in the metadata. Plain JavaScript, no framework, nothing from another host.
 * Bot text is always inserted as text; only our own link markup [text](/path/) and phone
 * numbers become links, built as DOM nodes (never innerHTML).
 */
(function () {
  "use strict";

  var root = document.getElementById("pw-chat");
  if (!root) return;
  var config = JSON.parse(root.getAttribute("data-config"));
  // Texts come from the gettext catalogue of the page's language (content/locales, via the page).
  function _(msgid) { return config.messages[msgid] || msgid; }
  var STORAGE_KEY = "pw-chat-sender";
  var TIMEOUT_MS = 15000;

  var toggle = root.querySelector(".pw-chat__toggle");
  var panel = root.querySelector(".pw-chat__panel");
  var log = root.querySelector(".pw-chat__log");
  var form = root.querySelector(".pw-chat__form");
  var input = root.querySelector(".pw-chat__input");
  var closeButton = root.querySelector(".pw-chat__close");

  function senderId() {
    var id = sessionStorage.getItem(STORAGE_KEY);
    if (!id) {
      id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2);
      sessionStorage.setItem(STORAGE_KEY, id);
    }
    return id;
  }

  function open() {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    if (!log.childElementCount) addMessage("bot", _("Hello! Ask your question about robberies, fraud or help after a crime."));
    input.focus();
  }

  function close() {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  // [text](/path/) links of our own site, and phone numbers, become links; the rest stays text.
  var LINK = /\[([^\]]+)\]\((\/[^)\s]*)\)/;
  var PHONE = /(^|[^\d])(112|113|0\d{2,3}[- ]?\d{2,3}(?: ?\d{2,4}){0,2})(?!\d)/;

  function appendRich(parent, text) {
    var link = LINK.exec(text);
    var phone = PHONE.exec(text);
    if (link && (!phone || link.index <= phone.index)) {
      appendRich(parent, text.slice(0, link.index));
      var a = document.createElement("a");
      a.href = link[2];
      a.textContent = link[1];
      parent.appendChild(a);
      appendRich(parent, text.slice(link.index + link[0].length));
    } else if (phone) {
      var start = phone.index + phone[1].length;
      appendRich(parent, text.slice(0, start));
      var tel = document.createElement("a");
      tel.href = "tel:" + phone[2].replace(/[^\d]/g, "");
      tel.textContent = phone[2];
      parent.appendChild(tel);
      appendRich(parent, text.slice(start + phone[2].length));
    } else if (text) {
      text.split("\n").forEach(function (line, index) {
        if (index) parent.appendChild(document.createElement("br"));
        parent.appendChild(document.createTextNode(line));
      });
    }
  }

  function addMessage(who, text, buttons) {
    var item = document.createElement("div");
    item.className = "pw-chat__message pw-chat__message--" + who;
    var label = document.createElement("span");
    label.className = "pw-visually-hidden";
    label.textContent = (who === "bot" ? _("Preventiewijzer") : _("You")) + ": ";
    item.appendChild(label);
    if (who === "bot") appendRich(item, text); else item.appendChild(document.createTextNode(text));
    if (buttons && buttons.length) {
      var group = document.createElement("div");
      group.className = "pw-chat__buttons";
      buttons.forEach(function (button) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "pw-chat__quick";
        b.textContent = button.title;
        b.addEventListener("click", function () { send(button.payload, button.title); });
        group.appendChild(b);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  // A long answer is read from its start: show the top of the reply, not its end.
  function scrollToStartOf(item) {
    log.scrollTop = Math.max(0, item.offsetTop - log.offsetTop - 8);
  }

  // Built with the help numbers at build time, the same text nginx and the bot's channel send:
  // 112 first, on a line of its own, like every answer of the bot itself.
  function showUnavailable() {
    addMessage("bot", config.unavailable);
  }

  function send(message, shown) {
    addMessage("user", shown || message);
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    root.setAttribute("aria-busy", "true");
    fetch(config.endpoint, {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      credentials: "omit",
      signal: controller.signal,
      // The page the chat is on: a question that names no topic is answered for this page.
      body: JSON.stringify({sender: senderId(), message: message,
                            metadata: {language: config.language, page: window.location.pathname}})
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (replies) {
      if (!replies.length) { addMessage("bot", _("I have no answer to that. Try asking it another way.")); return; }
      var first = null;
      replies.forEach(function (reply) {
        var item = addMessage("bot", reply.text || "", reply.buttons);
        first = first || item;
      });
      scrollToStartOf(first);
    }).catch(showUnavailable).finally(function () {
      clearTimeout(timer);
      root.removeAttribute("aria-busy");
    });
  }

  toggle.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
  closeButton.addEventListener("click", close);
  root.addEventListener("keydown", function (event) { if (event.key === "Escape" && !panel.hidden) close(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  root.hidden = false;
})();
