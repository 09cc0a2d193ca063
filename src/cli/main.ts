// Entry point of the `statements` command (bin/statements.js imports the built copy).
import { errorMessage } from './io.js';
import { runCli } from './run.js';

// A reader that goes away (`statements extract … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (err) {
  process.stderr.write(`statements: unexpected failure: ${errorMessage(err)}\n`);
  process.exitCode = 1;
}
