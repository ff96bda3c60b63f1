// Scroll each source text box so its highlighted sentence is in view.
(function () {
  "use strict";
  function reveal() {
    document.querySelectorAll(".source .text").forEach(function (box) {
      var mark = box.querySelector("mark");
      if (mark) {
        box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 48);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
