import * as Mocha from "mocha";

/**
 * Mocha's spec reporter, followed by the one summary line CI reads: `tests: N passed, N failed, N skipped`.
 * (Mocha's own "N passing" summary is not read by CI.)
 */
class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
            // After the spec reporter's epilogue, which it writes on the same event.
            process.nextTick(() => console.log(`tests: ${passes} passed, ${failures} failed, ${pending} skipped`));
        });
    }
}

export = SummaryReporter;
