// Loaded with `node --import` into a command the benchmark times: its peak memory, on stderr at exit.
process.on('exit', () => {
  process.stderr.write(`\npeak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
});
