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
  // When the step is redrawn (an answer added or removed questions), what was typed or chosen since
  // the page was drawn and not yet saved is put back, and sent on as its own change would have been.
  function changed(el) {
    if (el.type === "radio") { return el.checked !== el.defaultChecked; }
    if (el.tagName === "SELECT") {
      return Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return el.value !== el.defaultValue;
  }
  var pending = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "step-body") { return; }
    pending = [];
    target.querySelectorAll("input[id], textarea[id], select[id]").forEach(function (el) {
      if (el.type !== "hidden" && changed(el)) { pending.push({ id: el.id, value: el.value, checked: el.checked, radio: el.type === "radio" }); }
    });
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!pending) { return; }
    var restore = pending;
    pending = null;
    restore.forEach(function (saved) {
      var el = document.getElementById(saved.id);
      if (!el) { return; }
      if (saved.radio) { el.checked = saved.checked; } else { el.value = saved.value; }
      if (el !== document.activeElement) {
        el.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        // A value set by script fires no change when the field is left: send it then ourselves.
        el.addEventListener("blur", function () {
          if (changed(el)) { el.dispatchEvent(new Event("change", { bubbles: true })); }
        }, { once: true });
      }
    });
  });
  // After a whole page load with errors, the error summary takes the focus (unless a field asked for it).
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary && !document.querySelector("[autofocus]")) { summary.focus(); }
  });
})();
