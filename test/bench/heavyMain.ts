/**
 * `npm run bench:heavy`: only the heavy rows of the bench (./heavy.ts), printed as `npm run
 * bench` prints its rows; exits 1 on a miss. With BENCH_HEAVY_ROWS=json (how `npm run bench`
 * runs it, apart: ./heavy.ts heavyRowsApart) it prints the rows as one JSON line instead.
 */
import { heavyRows, printRows, rowsLine } from './heavy';

heavyRows()
  .then((rows) => {
    if (process.env.BENCH_HEAVY_ROWS !== 'json') process.exit(printRows(rows) ? 1 : 0);
    console.log(rowsLine(rows));
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
