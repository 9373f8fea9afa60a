// Administration: every grid's boundary drawn with Leaflet from our own data (no online tiles); deeper levels on top.
(function () {
    const el = document.getElementById('grids-map');
    if (!el || !window.L) return;
    const grids = JSON.parse(el.dataset.grids || '[]').filter(g => g.outline.length > 2);
    const map = L.map(el, { attributionControl: false, scrollWheelZoom: false });
    const colors = { 1: '#6c757d', 2: '#0b5cad', 3: '#198754', 4: '#fd7e14' };
    const layers = grids.sort((a, b) => a.level - b.level).map(g =>
        L.polygon(g.outline, { color: colors[g.level] || '#333', weight: g.level === 3 ? 2 : 3, fillOpacity: g.level === 3 ? 0.2 : 0.03 })
            .bindTooltip(g.name, { permanent: g.level === 3, direction: 'center' }).addTo(map));
    if (layers.length > 0) map.fitBounds(L.featureGroup(layers).getBounds().pad(0.05));
    else map.setView([39.9, 116.3], 13);
})();
