// Draws every <canvas class="chart" data-chart="..."> with Chart.js (served from its Maven webjar).
// The configuration is JSON written by the server; no inline script, so the page's CSP stays strict.
(function () {
  'use strict';
  function draw(canvas) {
    var config = JSON.parse(canvas.getAttribute('data-chart'));
    config.options = config.options || {};
    config.options.animation = {
      onComplete: function () { canvas.setAttribute('data-rendered', 'true'); }
    };
    new Chart(canvas, config);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas.chart[data-chart]').forEach(draw);
  });
})();
