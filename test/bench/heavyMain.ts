/** `npm run bench:heavy`: only the heavy rows of the bench (./heavy.ts), printed as `npm run bench` prints its rows; exits 1 on a miss. */
import { heavyRows, printRows } from './heavy';

heavyRows()
  .then((rows) => process.exit(printRows(rows) ? 1 : 0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
