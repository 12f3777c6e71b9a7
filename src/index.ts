import { run } from './main.js';
import { installSignalHandlers } from './signals.js';

installSignalHandlers({ write: (line) => process.stdout.write(`${line}\n`) });

await run();
