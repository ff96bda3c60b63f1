// Start Swagger UI on /openapi.json, from a file so no inline script is needed.
window.addEventListener("load", function () {
  "use strict";
  window.ui = SwaggerUIBundle({
    url: document.body.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
  });
});
