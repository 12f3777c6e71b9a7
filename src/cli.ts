import { main } from './cli/main.js';
import { installSignalHandlers } from './signals.js';

installSignalHandlers({ write: (line) => process.stderr.write(`${line}\n`) });

process.exitCode = await main(process.argv.slice(2));
