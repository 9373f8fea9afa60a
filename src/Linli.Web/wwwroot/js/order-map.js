// The order's place among the buildings of its grid, drawn with Leaflet from our own data: no online tiles.
(function () {
    const el = document.getElementById('order-map');
    if (!el || !window.L) return;
    const points = JSON.parse(el.dataset.points || '[]');
    if (points.length === 0) return;
    const map = L.map(el, { attributionControl: false, zoomControl: true, scrollWheelZoom: false });
    const layers = [];
    const outline = JSON.parse(el.dataset.outline || '[]');
    if (outline.length > 2) {
        layers.push(L.polygon(outline, { color: '#0b5cad', weight: 2, fillColor: '#6ea8fe', fillOpacity: 0.15 })
            .bindTooltip(el.dataset.outlineLabel || '').addTo(map));
    }
    for (const p of points) {
        const marker = L.circleMarker([p.lat, p.lon], {
            radius: p.order ? 10 : 6,
            color: p.order ? '#b02a37' : '#0b5cad',
            fillColor: p.order ? '#dc3545' : '#6ea8fe',
            fillOpacity: 0.9,
            weight: 2,
        }).bindTooltip(p.label);
        marker.addTo(map);
        layers.push(marker);
    }
    const group = L.featureGroup(layers);
    map.fitBounds(group.getBounds().pad(0.4), { maxZoom: 17 });
    if (points.length === 1) map.setView([points[0].lat, points[0].lon], 16);
    window.linliOrderMap = map;
})();
