import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailBucketVersioned } from "../../../policy/policies";
import { FixtureResource, compliantStackFixture, fixtureUrns } from "../../fixtures/policyResources";
import { validateStack } from "../policyHarness";

const subject = 'Bucket "audit-bucket", where trail "audit-trail" delivers its logs,';

function versioning(name: string, status: unknown, type = "aws:s3/bucketVersioning:BucketVersioning"): FixtureResource {
    return {
        type,
        name,
        urn: `${fixtureUrns.bucket.split("$")[0]}$${type}::${name}`,
        props: { bucket: "audit-bucket-4f1e581", versioningConfiguration: { status } },
        propertyDependencies: { bucket: [fixtureUrns.bucket] },
    };
}

describe("policy cloudtrail-bucket-versioned", () => {
    it("accepts the AuditTrail's BucketVersioning (Enabled), or its v6-named alias", async () => {
        for (const type of [
            "aws:s3/bucketVersioning:BucketVersioning",
            "aws:s3/bucketVersioningV2:BucketVersioningV2",
        ]) {
            const resources = [...compliantStackFixture(), versioning("audit-bucket-versioning", "Enabled", type)];
            assert.deepStrictEqual(await validateStack(cloudtrailBucketVersioned, resources), []);
        }
    });

    it("accepts the bucket's own versioning input enabled, and a status unknown until the update (preview)", async () => {
        const inline = compliantStackFixture();
        inline.find((r) => r.urn === fixtureUrns.bucket)!.props.versioning = { enabled: true };
        assert.deepStrictEqual(await validateStack(cloudtrailBucketVersioned, inline), []);
        const unknown = [...compliantStackFixture(), versioning("audit-bucket-versioning", unknownValue)];
        assert.deepStrictEqual(await validateStack(cloudtrailBucketVersioned, unknown), []);
    });

    it("reads a BucketV2's own versionings list: enabled is accepted, enabled false is not versioned", async () => {
        const v2 = (enabled: boolean) => {
            const resources = compliantStackFixture();
            const bucket = resources.find((r) => r.urn === fixtureUrns.bucket)!;
            bucket.type = "aws:s3/bucketV2:BucketV2";
            bucket.props.versionings = [{ enabled }];
            return resources;
        };
        assert.deepStrictEqual(await validateStack(cloudtrailBucketVersioned, v2(true)), []);
        const problems = await validateStack(cloudtrailBucketVersioned, v2(false));
        assert.strictEqual(problems.length, 1);
        assert.match(problems[0].message, / is not versioned, so an overwritten or deleted log file is lost/);
    });

    it("rejects a bucket without versioning", async () => {
        assert.deepStrictEqual(await validateStack(cloudtrailBucketVersioned, compliantStackFixture()), [
            {
                message:
                    `${subject} is not versioned, so an overwritten or deleted log file is lost: add an ` +
                    'aws.s3.BucketVersioning for it with versioningConfiguration { status: "Enabled" }.',
                urn: fixtureUrns.bucket,
            },
        ]);
    });

    it("rejects suspended versioning, also beside an enabling resource (S3 keeps one state)", async () => {
        const suspended = versioning(
            "audit-bucket-versioning-2",
            "Suspended",
            "aws:s3/bucketVersioningV2:BucketVersioningV2",
        );
        const resources = [...compliantStackFixture(), versioning("audit-bucket-versioning", "Enabled"), suspended];
        assert.deepStrictEqual(await validateStack(cloudtrailBucketVersioned, resources), [
            {
                message:
                    `${subject} does not keep versioning enabled: set versioningConfiguration.status to "Enabled" on ` +
                    '"audit-bucket-versioning-2" (it is "Suspended").',
                urn: suspended.urn,
            },
        ]);
    });
});
