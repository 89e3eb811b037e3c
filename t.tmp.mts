import { main } from "./src/cli/main";
const t = performance.now();
const code = await main(["simulate", "/tmp/hx/bigteam.json", "--replications", "1", "--horizon", "3d", "--workers", "1"]);
console.log(code, performance.now() - t, process.memoryUsage().rss / 1e6);
