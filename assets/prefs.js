// The display-preferences adapter: applies the remembered theme before the
// first paint, so a chosen dark or light theme never flashes the other one.
// It only reads `temper.theme`; the app writes it (src/storage.rs).
try {
  const theme = localStorage.getItem('temper.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  // Storage blocked: follow the system theme.
}
