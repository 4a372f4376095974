import { ProgramRun } from "../../engines/offline/runProgram";

/** What every part of `trailwatch check` receives. */
export interface CheckContext {
    /** The Pulumi project directory. */
    projectDir: string;
    /** The stack being checked. */
    stack: string;
    /** The program's run under mocks: the resources it registers and its outputs. */
    run: ProgramRun;
}

/** One part of the `trailwatch check` report (resources, rules, policies, alert preview). */
export interface CheckSectionResult {
    /** Heading of the human report's section. */
    title: string;
    /** Lines of the human report, without the heading. */
    lines: string[];
    /** Keys this section adds to the `--json` document (e.g. `{ resources: [...] }`). */
    json: Record<string, unknown>;
    /** True when the section found something that must fail the check (exit 1), e.g. a mandatory violation. */
    failed: boolean;
}

/** A part of `trailwatch check`. Sections run in the order `cli/commands/check.ts` lists them. */
export interface CheckSection {
    /** Short name, used in errors. */
    name: string;
    /**
     * Work that needs only the project and the stack (such as starting the policy pack's process), begun before
     * the program runs so that the two overlap. Must not reject: return the error as the value instead.
     */
    prepare?(projectDir: string, stack: string): Promise<unknown>;
    /** Releases what `prepare` made when `run` will not be called (the program failed). */
    discard?(prepared: unknown): Promise<void>;
    /** Builds the section's report; `prepared` is what `prepare` resolved to, if the section has one. */
    run(ctx: CheckContext, prepared?: unknown): Promise<CheckSectionResult>;
}
