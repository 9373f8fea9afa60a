// Big screen: draws the dashboard data, then redraws it whenever the hub says an order changed (no page reload).
(function () {
    const labels = JSON.parse(document.getElementById('dashboard-labels').textContent);
    let data = JSON.parse(document.getElementById('dashboard-data').textContent);
    const seen = new Set();
    const pct = v => (v === null || v === undefined) ? '—' : (v * 100).toFixed(1) + '%';
    const text = (el, value) => { document.getElementById(el).textContent = value; };
    const axis = { axisLabel: { color: '#9fb8e0', fontSize: 16 }, axisLine: { lineStyle: { color: '#2b4c7e' } }, splitLine: { lineStyle: { color: '#17325a' } } };
    const charts = {
        status: echarts.init(document.getElementById('chart-status')),
        channel: echarts.init(document.getElementById('chart-channel')),
        trend: echarts.init(document.getElementById('chart-trend')),
    };
    const map = L.map('grid-map', { attributionControl: false, zoomControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false, zoomSnap: 0.1 });
    const gridLayer = L.featureGroup().addTo(map);
    let mapFitted = false;

    function color(grid) {
        if (grid.overdue > 0) return '#ff4d4f';
        if (grid.open >= 5) return '#ffa940';
        if (grid.open > 0) return '#ffd666';
        return '#36cfc9';
    }

    function render() {
        text('kpi-today', data.receivedToday);
        text('kpi-open', data.open);
        text('kpi-overdue', data.overdueCount);
        text('kpi-response', pct(data.rates.response));
        text('kpi-resolution', pct(data.rates.resolution));
        text('kpi-satisfaction', pct(data.rates.satisfaction));

        charts.status.setOption({
            animation: false,
            grid: { left: 90, right: 30, top: 10, bottom: 30 },
            xAxis: { type: 'value', minInterval: 1, ...axis },
            yAxis: { type: 'category', data: data.todayByStatus.map(s => labels.status[s.key]), ...axis },
            series: [{ type: 'bar', data: data.todayByStatus.map(s => s.count), itemStyle: { color: '#1f8fff' }, label: { show: true, position: 'right', color: '#fff', fontSize: 16 } }],
        }, true);
        charts.channel.setOption({
            animation: false,
            series: [{
                type: 'pie', radius: ['35%', '70%'], center: ['50%', '52%'],
                label: { color: '#dbe7ff', fontSize: 16, formatter: '{b} {c}' },
                data: data.todayByChannel.map(c => ({ name: labels.channel[c.key], value: c.count })),
            }],
        }, true);
        charts.trend.setOption({
            animation: false,
            legend: { textStyle: { color: '#dbe7ff', fontSize: 16 }, top: 0 },
            grid: { left: 50, right: 20, top: 40, bottom: 30 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: data.trendDays, ...axis },
            yAxis: { type: 'value', minInterval: 1, ...axis },
            series: data.trend.map(s => ({ name: s.name, type: 'line', smooth: true, symbol: 'none', data: s.counts })),
        }, true);

        gridLayer.clearLayers();
        for (const g of data.grids) {
            if (g.outline.length === 0) continue;
            L.polygon(g.outline, { color: color(g), weight: 2, fillColor: color(g), fillOpacity: 0.45 })
                .bindTooltip(`${g.name.replace(/网格$/, '')}<br>${labels.open}${g.open} ${labels.overdue}${g.overdue}`, { permanent: true, direction: 'center', className: 'grid-label', opacity: 0.95 })
                .addTo(gridLayer);
        }
        if (!mapFitted && gridLayer.getLayers().length > 0) {
            map.invalidateSize();
            map.fitBounds(gridLayer.getBounds(), { padding: [10, 10] });
            mapFitted = true;
        }

        const ticker = document.getElementById('ticker');
        ticker.replaceChildren(...data.latest.map(o => {
            const li = document.createElement('li');
            if (seen.size > 0 && !seen.has(o.id)) li.className = 'new';
            li.innerHTML = '<span class="n"></span><span class="t"></span><span class="s"></span>';
            li.children[0].textContent = o.number.slice(-9);
            li.children[1].textContent = o.text;
            li.children[2].textContent = labels.status[o.status];
            return li;
        }));
        data.latest.forEach(o => seen.add(o.id));
        const overdue = document.getElementById('overdue');
        overdue.replaceChildren(...(data.overdue.length ? data.overdue : [null]).map(o => {
            const li = document.createElement('li');
            if (!o) { li.textContent = labels.noData; return li; }
            li.innerHTML = '<span class="n"></span><span class="t"></span><span class="s"></span>';
            li.children[0].textContent = o.number.slice(-9);
            li.children[1].textContent = o.text;
            li.children[2].textContent = o.unitName || '';
            return li;
        }));
    }

    let pending = null;
    async function refresh() {
        pending = null;
        const response = await fetch('/dashboard?handler=Data', { headers: { Accept: 'application/json' } });
        if (response.ok) {
            data = await response.json();
            render();
        }
    }
    const soon = () => { if (!pending) pending = setTimeout(refresh, 150); };

    const live = document.getElementById('live');
    const connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/dashboard')
        .withAutomaticReconnect()
        .configureLogging(signalR.LogLevel.None)
        .build();
    connection.on('orderChanged', soon);
    const online = () => { live.textContent = labels.live; live.classList.remove('off'); };
    const offline = () => { live.textContent = labels.offline; live.classList.add('off'); };
    connection.onreconnected(() => { online(); soon(); });
    connection.onreconnecting(offline);
    connection.onclose(offline);
    connection.start().then(online, offline);

    function tick() {
        document.getElementById('clock').textContent = new Date().toLocaleString('zh-CN', { hour12: false });
    }
    tick();
    setInterval(tick, 1000);
    setInterval(soon, 60000); // a slow safety net: deadlines pass without any event
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    render();
    window.linliDashboard = { refresh };
})();
