// The pack's entry point: constructing the PolicyPack starts its gRPC Analyzer server and prints the port.
// Nothing else belongs here; tests and the CLI import the policies from ./policies, never this file.
import { PolicyPack } from "@pulumi/policy";
import { trailwatchPolicies } from "./policies";

new PolicyPack("trailwatch", {
    description: "Guardrails that keep the trailwatch audit trail, its archive and its alerting from being weakened.",
    provider: "aws",
    tags: ["cloudtrail", "cloudwatch", "sns", "s3"],
    policies: trailwatchPolicies,
});
