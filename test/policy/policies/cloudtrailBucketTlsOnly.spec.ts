import * as assert from "assert";
import { PolicyStatement } from "@trailwatch/components";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailBucketTlsOnly } from "../../../policy/policies";
import {
    FixtureResource,
    compliantStackFixture,
    fixtureUrns,
    trailBucketPolicyDocument,
} from "../../fixtures/policyResources";
import { validateStack } from "../policyHarness";

const violation = {
    message:
        'Bucket "audit-bucket", where trail "audit-trail" delivers its logs, does not deny requests made without TLS: ' +
        'add a bucket policy statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [<bucket ARN>, ' +
        '"<bucket ARN>/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }.',
    urn: fixtureUrns.bucketPolicy,
};

function withStatements(edit: (statements: PolicyStatement[]) => PolicyStatement[]) {
    const resources = compliantStackFixture();
    const document = trailBucketPolicyDocument();
    document.Statement = edit(document.Statement);
    bucketPolicyOf(resources).props.policy = JSON.stringify(document);
    return resources;
}

function bucketPolicyOf(resources: FixtureResource[]): FixtureResource {
    return resources.find((r) => r.urn === fixtureUrns.bucketPolicy)!;
}

const denyInsecure = (statements: PolicyStatement[]) => statements.find((s) => s.Sid === "DenyInsecureTransport")!;

describe("policy cloudtrail-bucket-tls-only", () => {
    it("accepts the AuditTrail's bucket policy (DenyInsecureTransport)", async () => {
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, compliantStackFixture()), []);
    });

    it("accepts the statement given as a document rather than JSON text, with Principal { AWS: '*' }", async () => {
        const resources = compliantStackFixture();
        const document = trailBucketPolicyDocument();
        denyInsecure(document.Statement).Principal = { AWS: "*" };
        bucketPolicyOf(resources).props.policy = document;
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), []);
    });

    it("accepts the action written S3:* (IAM action names ignore case)", async () => {
        const resources = withStatements((statements) => {
            denyInsecure(statements).Action = "S3:*";
            return statements;
        });
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), []);
    });

    it("rejects a bucket policy without the deny statement", async () => {
        const resources = withStatements((statements) => statements.filter((s) => s.Sid !== "DenyInsecureTransport"));
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), [violation]);
    });

    it("rejects a deny statement that allows plain HTTP after all (aws:SecureTransport true)", async () => {
        const resources = withStatements((statements) => {
            denyInsecure(statements).Condition = { Bool: { "aws:SecureTransport": "true" } };
            return statements;
        });
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), [violation]);
    });

    it("rejects a deny statement that covers only some actions", async () => {
        const resources = withStatements((statements) => {
            denyInsecure(statements).Action = "s3:GetObject";
            return statements;
        });
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), [violation]);
    });

    it("rejects a trail bucket without any bucket policy, reported on the bucket", async () => {
        const resources = compliantStackFixture().filter((r) => r.urn !== fixtureUrns.bucketPolicy);
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), [
            { ...violation, urn: fixtureUrns.bucket },
        ]);
    });

    it("does not guess while the policy text is unknown (preview: it embeds the bucket ARN)", async () => {
        const resources = compliantStackFixture();
        bucketPolicyOf(resources).props.policy = unknownValue;
        assert.deepStrictEqual(await validateStack(cloudtrailBucketTlsOnly, resources), []);
    });
});
