import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ProgramRun, RecordedResource } from "../../cli/engines/offline/runProgram";

/** The one resource of `type` the run registered; fails the test when there is none or more than one. */
export function onlyResource(run: ProgramRun, type: string): RecordedResource {
    const found = run.resources.filter((r) => r.type === type);
    assert.strictEqual(found.length, 1, `expected exactly one ${type}, found ${found.length}`);
    return found[0];
}

/** An IAM policy document as a resource sent it: the input `input` (JSON text), parsed. */
export function policyDocumentOf(
    resource: RecordedResource,
    input: string,
): { Version: string; Statement: Record<string, unknown>[] } {
    return JSON.parse(resource.inputs[input] as string);
}

/** The value of an output, once the mocks have resolved it. */
export function resolvedOutput<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}
