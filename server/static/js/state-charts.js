// A state's page: votes per year (stacked bars, vetoes as a line of points) and agreement with
// the other members (horizontal bars), drawn with Chart.js from the numbers the page carries.
(function () {
  "use strict";
  const source = document.getElementById("state-chart-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const colours = { InFavour: "#2e7d32", Against: "#c62828", Abstention: "#f9a825", Absent: "#757575" };
  const votes = document.getElementById("votes-chart");
  if (votes && data.years.length) {
    const datasets = data.series.map(function (s) {
      return { type: "bar", label: s.label, data: s.data, backgroundColor: colours[s.key], stack: "votes", maxBarThickness: 56 };
    });
    if (data.vetoes.some(function (n) { return n > 0; })) {
      datasets.push({ type: "scatter", label: data.vetoLabel, data: data.vetoes.map(function (n, i) {
        return n > 0 ? { x: data.years[i], y: n } : null;
      }), pointStyle: "triangle", pointRadius: 8, backgroundColor: "#000", borderColor: "#000" });
    }
    window.unsckgVotesChart = new Chart(votes, {
      data: { labels: data.years, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  const agreement = document.getElementById("agreement-chart");
  if (agreement && data.agreement.labels.length) {
    agreement.parentElement.style.height = Math.max(160, 22 * data.agreement.labels.length + 60) + "px";
    window.unsckgAgreementChart = new Chart(agreement, {
      type: "bar",
      data: { labels: data.agreement.labels,
        datasets: [{ label: data.agreement.label, data: data.agreement.data, backgroundColor: "#1f5f99", maxBarThickness: 18 }] },
      options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { min: 0, max: 100 } } },
    });
  }
})();
