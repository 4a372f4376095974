import * as assert from "assert";
import { unknownCheckingProxy } from "@pulumi/policy";
import { containsUnknown, isUnknown, plainProps, unknownValue } from "../../../policy/lib/knownValues";

describe("policy lib knownValues", () => {
    it("reads properties behind @pulumi/policy's unknown-checking proxy without throwing", () => {
        const props = unknownCheckingProxy({ arn: unknownValue, nested: { list: [unknownValue] }, known: "x" });
        assert.throws(() => props.arn, /can't be known during preview/);
        const plain = plainProps(props);
        assert.strictEqual(plain.arn, unknownValue);
        assert.strictEqual(plain.known, "x");
        assert.strictEqual(containsUnknown(plain.nested), true);
    });

    it("recognises every placeholder the engine uses for unknown values, and nothing else", () => {
        assert.strictEqual(isUnknown("04da6b54-80e4-46f7-96ec-b56ff0331ba9"), true);
        assert.strictEqual(isUnknown("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"), true);
        assert.strictEqual(isUnknown("dd056dcd-154b-4c76-9bd3-c8f88648b5ff"), true);
        assert.strictEqual(isUnknown("arn:aws:sns:eu-west-1:111122223333:alerts"), false);
        assert.strictEqual(isUnknown(undefined), false);
    });
});
