// The Chromium the benchmarks run (the system's; CHROMIUM=/path chooses
// another) and its flags: without the networking ones Chromium keeps calling
// home, which a closed network turns into noise.
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
