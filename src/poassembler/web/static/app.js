// Small helpers for the poassembler form (no inline scripts: the page's CSP allows only this file and htmx).
(function () {
  "use strict";
  function announce(text) {
    var region = document.getElementById("announce");
    if (region) { region.textContent = text; }
  }
  // "Rewrite it now": put the cursor in the field the warning is about.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-focus]");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("data-focus"));
    if (field) {
      event.preventDefault();
      field.focus();
      if (field.select) { field.select(); }
    }
  });
  // Removing a party, lawyer or category asks first (its answers go with it).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
  // A refused request (a server restarted with a new token, say) is said out loud, not swallowed.
  document.addEventListener("htmx:responseError", function (event) {
    announce("Not saved: " + (event.detail.xhr.status === 403 ? "reload the page and try again." : "the server answered " + event.detail.xhr.status + "."));
  });
  document.addEventListener("htmx:sendError", function () {
    announce("Not saved: the poassembler server is not running. Start it again with: poassembler serve");
  });
  // When the step is redrawn (an answer added or removed questions), the field being typed in keeps
  // what was typed; its own change event saves it as usual.
  var typing = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    typing = active && active.id && (active.tagName === "TEXTAREA" || (active.tagName === "INPUT" && active.type === "text"))
      ? { node: active, id: active.id, value: active.value } : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!typing) { return; }
    var field = document.getElementById(typing.id);
    if (field && field !== typing.node && field.value !== typing.value) { field.value = typing.value; }
    typing = null;
  });
  // After a whole page load with errors, the error summary takes the focus (unless a field asked for it).
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary && !document.querySelector("[autofocus]")) { summary.focus(); }
  });
})();
