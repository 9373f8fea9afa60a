// H5 submit: preview chosen photos, and fill the place from the phone's position (browser Geolocation API) on request.
(function () {
    const photos = document.getElementById('photos');
    const preview = document.getElementById('photo-preview');
    if (photos && preview) {
        photos.addEventListener('change', () => {
            preview.replaceChildren();
            for (const file of photos.files) {
                const img = document.createElement('img');
                img.alt = file.name;
                img.src = URL.createObjectURL(file);
                preview.appendChild(img);
            }
        });
    }
    const button = document.getElementById('locate');
    const status = document.getElementById('locate-status');
    if (button && status) {
        button.addEventListener('click', () => {
            if (!('geolocation' in navigator)) {
                status.textContent = button.dataset.failed;
                return;
            }
            status.textContent = button.dataset.locating;
            navigator.geolocation.getCurrentPosition(position => {
                document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
                document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
                status.textContent = button.dataset.located + ' ' + position.coords.latitude.toFixed(5) + ', ' + position.coords.longitude.toFixed(5);
            }, () => { status.textContent = button.dataset.failed; }, { enableHighAccuracy: true, timeout: 10000 });
        });
    }
})();
