/* CoExist: progressive enhancements, loaded from a static file (the CSP allows no inline
   script). Everything works without it.
   - A long checkbox list ([data-checklist]: countries, languages) gets a text box that
     hides the options not matching what is typed (accents and case ignored); ticked
     options always stay visible.
   - The directory's filters (<details class="filters-fold">) open on wide screens. */
(function () {
  "use strict";

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function enhance(box, index) {
    var options = Array.prototype.slice.call(box.querySelectorAll("input[type=checkbox]"));
    if (options.length < 12) return;
    var id = (box.firstElementChild && box.firstElementChild.id || "checklist-" + index) + "-filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.className = "checklist-filter-label";
    label.textContent = box.getAttribute("data-filter-label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "checklist-filter";
    input.setAttribute("autocomplete", "off");
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    box.parentNode.insertBefore(label, box);
    box.parentNode.insertBefore(input, box);
    box.parentNode.insertBefore(status, box);
    var items = options.map(function (option) {
      var item = option.closest("label");
      item = (item && item.parentElement !== box.firstElementChild) ? item.parentElement : item;
      return { option: option, item: item, text: normalise(item.textContent) };
    });
    input.addEventListener("input", function () {
      var needle = normalise(input.value);
      var shown = 0;
      items.forEach(function (entry) {
        var visible = !needle || entry.option.checked || entry.text.indexOf(needle) !== -1;
        entry.item.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown + " " + box.getAttribute("data-count-label");
    });
  }

  function openFiltersOnWideScreens() {
    if (!window.matchMedia || !window.matchMedia("(min-width: 50rem)").matches) return;
    Array.prototype.forEach.call(document.querySelectorAll("details.filters-fold"), function (details) {
      details.open = true;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-checklist]"), enhance);
  openFiltersOnWideScreens();
})();
