/** Prints the plain closing line CI reads: "N passed, N failed, N skipped". */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: p, numFailedTests: f, numPendingTests: s } = results
    const suitesFailed = results.numFailedTestSuites
    process.stdout.write(
      `\ntests: ${p} passed, ${f + (f === 0 && suitesFailed ? suitesFailed : 0)} failed, ${s} skipped\n`,
    )
  }
}
module.exports = SummaryReporter
