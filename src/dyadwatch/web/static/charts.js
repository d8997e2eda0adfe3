// Draw every chart on the page: its figure is JSON in a <script type="application/json"> element
// (data, never code), so the page needs no inline script and the CSP can forbid them.
document.querySelectorAll(".plotly-chart[data-figure]").forEach(function (el) {
  var source = document.getElementById(el.getAttribute("data-figure"));
  if (!source || typeof Plotly === "undefined") { return; }
  var figure = JSON.parse(source.textContent);
  Plotly.newPlot(el, figure.data, figure.layout, {displaylogo: false, responsive: true});
});
