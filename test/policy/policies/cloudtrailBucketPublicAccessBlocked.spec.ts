import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailBucketPublicAccessBlocked } from "../../../policy/policies";
import { FixtureResource, compliantStackFixture, fixtureUrns } from "../../fixtures/policyResources";
import { validateStack } from "../policyHarness";

function publicAccessBlockOf(resources: FixtureResource[]): FixtureResource {
    return resources.find((r) => r.urn === fixtureUrns.publicAccessBlock)!;
}

describe("policy cloudtrail-bucket-public-access-blocked", () => {
    it("accepts the AuditTrail's bucket with all four settings on", async () => {
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPublicAccessBlocked, compliantStackFixture()), []);
    });

    it("rejects a public access block that lets public policies through, naming the settings", async () => {
        const resources = compliantStackFixture();
        publicAccessBlockOf(resources).props.blockPublicPolicy = false;
        publicAccessBlockOf(resources).props.restrictPublicBuckets = false;
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPublicAccessBlocked, resources), [
            {
                message:
                    'Bucket "audit-bucket", where trail "audit-trail" delivers its logs, does not block all public ' +
                    "access: set blockPublicPolicy, restrictPublicBuckets to true on its public access block " +
                    '"audit-bucket-public-access-block".',
                urn: fixtureUrns.publicAccessBlock,
            },
        ]);
    });

    it("rejects a trail bucket without a public access block", async () => {
        const resources = compliantStackFixture().filter((r) => r.urn !== fixtureUrns.publicAccessBlock);
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPublicAccessBlocked, resources), [
            {
                message:
                    'Bucket "audit-bucket", where trail "audit-trail" delivers its logs, has no public access block: ' +
                    "add an aws.s3.BucketPublicAccessBlock for it with blockPublicAcls, blockPublicPolicy, " +
                    "ignorePublicAcls and restrictPublicBuckets all true.",
                urn: fixtureUrns.bucket,
            },
        ]);
    });

    it("finds the bucket by name when the engine gives no property dependencies", async () => {
        const resources = compliantStackFixture().map((r) => ({ ...r, propertyDependencies: {} }));
        resources.find((r) => r.urn === fixtureUrns.bucket)!.props.bucket = "audit-bucket-4f1e581";
        publicAccessBlockOf(resources).props.ignorePublicAcls = false;
        const violations = await validateStack(cloudtrailBucketPublicAccessBlocked, resources);
        assert.deepStrictEqual(
            violations.map((v) => v.urn),
            [fixtureUrns.publicAccessBlock],
        );
    });

    it("accepts an account-wide public access block with every setting on", async () => {
        const resources = compliantStackFixture().filter((r) => r.urn !== fixtureUrns.publicAccessBlock);
        resources.push({
            type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
            name: "account-public-access-block",
            urn: "urn:pulumi:dev::trailwatch::aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock::account",
            props: {
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            propertyDependencies: {},
        });
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPublicAccessBlocked, resources), []);
    });

    it("does not guess while a setting is unknown (preview)", async () => {
        const resources = compliantStackFixture();
        publicAccessBlockOf(resources).props.blockPublicAcls = unknownValue;
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPublicAccessBlocked, resources), []);
    });

    it("leaves alone a trail delivering to a bucket managed outside the stack", async () => {
        const resources = compliantStackFixture().filter(
            (r) => r.urn !== fixtureUrns.bucket && r.urn !== fixtureUrns.publicAccessBlock,
        );
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPublicAccessBlocked, resources), []);
    });
});
