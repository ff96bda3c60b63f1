// Draw every server-built figure on the page with the locally served plotly.
// The figure JSON sits in an escaped data-figure attribute (no inline script).
(function () {
  "use strict";
  function draw(el) {
    var fig = JSON.parse(el.getAttribute("data-figure"));
    Plotly.newPlot(el, fig.data || [], fig.layout || {}, {
      responsive: true,
      displaylogo: false,
      // the map's country outlines are served here, not fetched from plotly's CDN
      topojsonURL: "/static/topojson/",
    }).then(function () {
      el.setAttribute("data-rendered", "true");
    });
    // A click on a node whose customdata is a local link opens it.
    el.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      var target = point && point.customdata;
      if (typeof target === "string" && target.charAt(0) === "/" && target.charAt(1) !== "/") {
        window.location.assign(target);
      }
    });
  }
  function start() {
    document.querySelectorAll("[data-figure]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
